#!/usr/bin/env bash
# Start to first 200 on GET /runtime: the image as a container, then the very same files copied
# out of the image and started by the host's java with the image's own entrypoint, RUNS times
# each, in one run on the same machine: the difference is what the container costs. Prints each
# run and both medians, also into bench/results.txt (RESULTS=FILE for another file), with the
# machine it ran on. Usage: first-response.sh [RUNS]   (ENGINE=docker to use Docker)
# Needs: target/jib-image.tar (./mvnw package), java, jq, curl.
set -euo pipefail

runs="${1:-5}"
engine="${ENGINE:-podman}"
here="$(cd "$(dirname "$0")" && pwd)"
tar="$here/../target/jib-image.tar"
port="${PORT:-18180}"

[[ -f "$tar" ]] || { echo "no $tar: build the image first" >&2; exit 1; }
for tool in "$engine" java jq curl; do
  command -v "$tool" >/dev/null || { echo "$tool not on PATH" >&2; exit 1; }
done
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something already answers on port $port; set PORT to a free one" >&2
  exit 1
fi

now_ms() { date +%s%3N; }

# What the READMEs' figures are read from: this run's lines, after the machine that produced them.
exec > >(tee "${RESULTS:-$here/results.txt}") 2>&1
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1)"
# The middle run; of an even number of runs, the upper of the middle two: always a run that
# happened, as serverless-lambda's ColdStartBenchmark.median picks it.
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR / 2) + 1] }'; }

# Polls until the service on $port answers 200 on /runtime; echoes the milliseconds since $1.
await_first_200() {
  local start="$1" what="$2" pid="${3:-}"
  until curl -fs -o /dev/null "http://127.0.0.1:$port/runtime"; do
    if (($(now_ms) - start > 120000)); then
      echo "$what: no 200 within 120 s" >&2
      return 1
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "$what: the process exited before its first 200" >&2
      return 1
    fi
    sleep 0.01
  done
  echo $(($(now_ms) - start))
}

image="$(cat "$here/../target/jib-image.id")"
"$engine" load --quiet --input "$tar" >/dev/null

times=()
for run in $(seq 1 "$runs"); do
  start="$(now_ms)"
  container="$("$engine" run --detach --read-only --tmpfs /tmp --memory 512m \
    --publish "127.0.0.1:$port:8080" "$image")"
  elapsed="$(await_first_200 "$start" "container run $run")" || {
    "$engine" rm --force "$container" >/dev/null
    exit 1
  }
  "$engine" rm --force "$container" >/dev/null
  echo "container run $run: ${elapsed} ms to first 200"
  times+=("$elapsed")
done
container_median="$(median "${times[@]}")"

# The image's files on the host: its /app, started with its own entrypoint by the host's java.
host_dir="$(mktemp -d)"
trap 'rm -rf "$host_dir"' EXIT
copy="$("$engine" create "$image")"
"$engine" cp "$copy:/app" "$host_dir/app"
"$engine" rm "$copy" >/dev/null
# Jib's argument files (the classpath, the main class) name /app too.
sed -i "s#/app/#$host_dir/app/#g" "$host_dir"/app/jib-*-file
mapfile -t entrypoint < <("$engine" image inspect --format '{{json .Config.Entrypoint}}' "$image" |
  jq -r '.[]' | sed "s#/app/#$host_dir/app/#g")
entrypoint[0]="$(command -v java)"

times=()
for run in $(seq 1 "$runs"); do
  start="$(now_ms)"
  "${entrypoint[@]}" --server.port="$port" >/dev/null 2>&1 &
  pid=$!
  elapsed="$(await_first_200 "$start" "host run $run" "$pid")" || {
    kill "$pid" 2>/dev/null || true
    exit 1
  }
  kill "$pid"
  wait "$pid" || true
  echo "host run $run: ${elapsed} ms to first 200"
  times+=("$elapsed")
done
host_median="$(median "${times[@]}")"

echo "median of $runs, container: ${container_median} ms"
echo "median of $runs, the same files on the host's JVM: ${host_median} ms"
