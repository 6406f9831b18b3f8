#!/usr/bin/env bash
# Measures what a user waits for: from `java -jar` to the first 200 on GET /runtime.
# Usage: first-response.sh [RUNS] [JAR]   (defaults: 5, ../target/infra-advisor.jar)
# Prints one line per run and the median, in milliseconds. Each run is a fresh JVM. The output,
# with the machine it ran on, is also written to bench/results.txt (RESULTS=FILE for another).
set -euo pipefail

runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
jar="${2:-$here/../target/infra-advisor.jar}"
port="${PORT:-18080}"

[[ -f "$jar" ]] || { echo "no jar at $jar: build it first (./mvnw package)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not on PATH" >&2; exit 1; }

now_ms() { date +%s%3N; }

# What the READMEs' figures are read from: this run's lines, after the machine that produced them.
exec > >(tee "${RESULTS:-$here/results.txt}") 2>&1
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1)"

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something already answers on port $port; set PORT to a free one" >&2
  exit 1
fi

times=()
for run in $(seq 1 "$runs"); do
  start="$(now_ms)"
  java -jar "$jar" --server.port="$port" >/dev/null 2>&1 &
  pid=$!
  deadline=$((start + 120000))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/runtime"; do
    if (( $(now_ms) > deadline )) || ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: no 200 within 120 s" >&2
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.01
  done
  elapsed=$(( $(now_ms) - start ))
  reported="$(curl -fs "http://127.0.0.1:$port/runtime" | sed -n 's/.*"startupTimeMs":\([0-9]*\).*/\1/p')"
  kill "$pid"
  wait "$pid" || true
  echo "run $run: ${elapsed} ms to first 200 (the service reports startupTimeMs=${reported})"
  times+=("$elapsed")
done

# The middle run; of an even number of runs, the upper of the middle two: always a run that
# happened, as serverless-lambda's ColdStartBenchmark.median picks it.
median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR / 2) + 1] }')"
echo "median of $runs: ${median} ms"
