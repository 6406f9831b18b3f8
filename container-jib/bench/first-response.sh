#!/usr/bin/env bash
# Start to first 200 on GET /runtime: the image as a container, then the bare-metal fat JAR as a
# process, RUNS times each, in one run on the same machine. Prints each run and both medians.
# Usage: first-response.sh [RUNS]   (ENGINE=docker to use Docker instead of podman)
# Needs: target/jib-image.tar (./mvnw -pl container-jib -am package -DskipTests) and, for the
# comparison, baremetal-systemd/target/infra-advisor.jar.
set -euo pipefail

runs="${1:-5}"
engine="${ENGINE:-podman}"
here="$(cd "$(dirname "$0")" && pwd)"
tar="$here/../target/jib-image.tar"
port="${PORT:-18180}"

[[ -f "$tar" ]] || { echo "no $tar: build the image first" >&2; exit 1; }
command -v "$engine" >/dev/null || { echo "$engine not on PATH" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something already answers on port $port; set PORT to a free one" >&2
  exit 1
fi

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

image="$(cat "$here/../target/jib-image.id")"
"$engine" load --quiet --input "$tar" >/dev/null

times=()
for run in $(seq 1 "$runs"); do
  start="$(now_ms)"
  container="$("$engine" run --detach --read-only --tmpfs /tmp --memory 512m \
    --publish "127.0.0.1:$port:8080" "$image")"
  until curl -fs -o /dev/null "http://127.0.0.1:$port/runtime"; do
    if (($(now_ms) - start > 120000)); then
      echo "container run $run: no 200 within 120 s" >&2
      "$engine" rm --force "$container" >/dev/null
      exit 1
    fi
    sleep 0.01
  done
  elapsed=$(($(now_ms) - start))
  "$engine" rm --force "$container" >/dev/null
  echo "container run $run: ${elapsed} ms to first 200"
  times+=("$elapsed")
done
container_median="$(median "${times[@]}")"

jar_output="$(PORT="$port" "$here/../../baremetal-systemd/bench/first-response.sh" "$runs")"
while IFS= read -r line; do echo "jar $line"; done <<<"$jar_output"
echo "median of $runs, container: ${container_median} ms"
echo "median of $runs, fat JAR as a process: $(echo "$jar_output" | sed -n 's/^median of [0-9]*: //p')"
