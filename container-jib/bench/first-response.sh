#!/usr/bin/env bash
# Launch to the first 200 on GET /runtime, the clock started before the process or container is
# spawned, interleaved in one run, RUNS fresh starts each:
#   jar            plain `java -jar` of the module's fat JAR (target/*-exec.jar) on the host's JVM
#   container      a fresh read-only container of the application image (target/jib-image.tar)
#   container-cds  the same of the image to run, with its start-up archive (target/jib-image-cds.tar)
#   container-cds-c1  that image with -XX:TieredStopAtLevel=1 added: measured, not shipped
# After each first 200, 50 more requests warm the service up; then its resident memory (VmRSS of
# the JVM, from the host's /proc) and the JVM's own heap and non-heap figures (actuator metrics,
# exposed for the benchmark only). A run that fails is reported and left out of the medians.
# Last, the archive's determinism: two -Xshare:dump of the same image and class list, compared.
# Prints each run, the medians and the ratios to `jar`, also into bench/results.txt
# (RESULTS=FILE for another file), with the machine, both JVMs and the load average.
# Usage: first-response.sh [RUNS]   (PORT=... for another port, ENGINE=docker to use Docker)
# Needs: ./mvnw -pl container-jib -am package, java, jq, curl, cmp.
set -euo pipefail

runs="${1:-5}"
engine="${ENGINE:-podman}"
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../target"
port="${PORT:-18180}"
memory=512m

jar="$(find "$target" -maxdepth 1 -name '*-exec.jar' | head -n1)"
for file in "$target/jib-image.tar" "$target/jib-image-cds.tar" "$jar"; do
  [[ -f "$file" ]] || { echo "no ${file:-target/*-exec.jar}: build the module first" >&2; exit 1; }
done
for tool in "$engine" java jq curl cmp; do
  command -v "$tool" >/dev/null || { echo "$tool not on PATH" >&2; exit 1; }
done
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something already answers on port $port; set PORT to a free one" >&2
  exit 1
fi

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR / 2) + 1] }'; }

"$engine" load --quiet --input "$target/jib-image.tar" >/dev/null
"$engine" load --quiet --input "$target/jib-image-cds.tar" >/dev/null
app_image="$(cat "$target/jib-image.id")"
cds_image="$(cat "$target/jib-image-cds.id")"
entrypoint() { "$engine" image inspect --format '{{json .Config.Entrypoint}}' "$1" | jq -r '.[]'; }
mapfile -t app_flags < <(entrypoint "$app_image" | sed -n '2,/^-cp$/p' | grep -vx -- -cp)
mapfile -t cds_c1_command < <(entrypoint "$cds_image" | sed '1a -XX:TieredStopAtLevel=1')

exec > >(tee "${RESULTS:-$here/results.txt}") 2>&1
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(uname -sr), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "host JVM (jar): $(java -version 2>&1 | sed -n 2p)"
echo "image JVM (container*): $("$engine" run --rm --entrypoint java "$cds_image" -version 2>&1 | sed -n 2p)"
echo "container flags: --read-only --tmpfs /tmp --memory $memory; image entrypoint: $(entrypoint "$cds_image" | tr '\n' ' ')"

# The service's pid on the host, for /proc/PID/status.
container_pid() { "$engine" inspect --format '{{.State.Pid}}' "$1"; }

metric() {
  curl -fs "http://127.0.0.1:$port/actuator/metrics/jvm.memory.committed?tag=area:$1" |
    jq '.measurements[0].value / 1048576 | floor'
}

declare -A times
# One fresh start of VARIANT: prints "<ms> <rss MB> <heap MB> <non-heap MB>", or fails.
start_once() {
  local variant="$1" start pid container="" elapsed
  start="$(now_ms)"
  case "$variant" in
    jar)
      MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,metrics \
        java -jar "$jar" --server.port="$port" >/dev/null 2>&1 &
      pid=$!
      ;;
    container | container-cds | container-cds-c1)
      local run_args=("$app_image")
      [[ "$variant" == container-cds ]] && run_args=("$cds_image")
      [[ "$variant" == container-cds-c1 ]] &&
        run_args=(--entrypoint "${cds_c1_command[0]}" "$cds_image" "${cds_c1_command[@]:1}")
      container="$("$engine" run --detach --read-only --tmpfs /tmp --memory "$memory" \
        --env MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,metrics \
        --publish "127.0.0.1:$port:8080" "${run_args[@]}")" || return 1
      pid="$(container_pid "$container")"
      ;;
  esac
  local ok=true
  until curl -fs -o /dev/null "http://127.0.0.1:$port/runtime"; do
    if (($(now_ms) - start > 120000)) || ! kill -0 "$pid" 2>/dev/null; then
      ok=false
      break
    fi
    sleep 0.01
  done
  elapsed=$(($(now_ms) - start))
  local rss="" heap="" nonheap=""
  if $ok; then
    for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/runtime" || ok=false; done
    rss="$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$pid/status")"
    heap="$(metric heap)" && nonheap="$(metric nonheap)" || ok=false
  fi
  if [[ -n "$container" ]]; then
    "$engine" rm --force "$container" >/dev/null
  else
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  $ok && echo "$elapsed $rss $heap $nonheap"
}

variants=(jar container container-cds container-cds-c1)
declare -A rss_all
for run in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    if result="$(start_once "$variant")" && [[ -n "$result" ]]; then
      read -r ms rss heap nonheap <<<"$result"
      echo "run $run $variant: $ms ms to first 200, rss $rss MB, heap committed $heap MB, non-heap committed $nonheap MB, outside the heap $((rss - heap)) MB"
      times[$variant]+="$ms "
      rss_all[$variant]+="$rss "
      rss_all[$variant-outside]+="$((rss - heap)) "
    else
      echo "run $run $variant: FAILED (no 200 within 120 s, or the process exited): left out"
    fi
  done
done

declare -A med
for variant in "${variants[@]}"; do
  # shellcheck disable=SC2086
  read -r -a samples <<<"${times[$variant]:-}"
  if ((${#samples[@]} == 0)); then
    echo "median $variant: no successful run"
    continue
  fi
  med[$variant]="$(median "${samples[@]}")"
  # shellcheck disable=SC2086
  echo "median $variant: ${med[$variant]} ms of ${#samples[@]} runs, rss $(median ${rss_all[$variant]}) MB, outside the heap $(median ${rss_all[$variant-outside]}) MB (max $(printf '%s\n' ${rss_all[$variant-outside]} | sort -n | tail -n1) MB)"
done
if [[ -n "${med[jar]:-}" ]]; then
  for variant in "${variants[@]:1}"; do
    [[ -n "${med[$variant]:-}" ]] &&
      echo "ratio $variant/jar: $(awk -v a="${med[$variant]}" -v b="${med[jar]}" 'BEGIN { printf "%.2f", a / b }')"
  done
fi

# Determinism of the archive: the class list the build made, dumped twice in the same image.
classes="$target/cds-classes.lst"
if [[ -f "$classes" ]]; then
  dumps="$(mktemp -d)"
  trap 'rm -rf "$dumps"' EXIT
  for n in 1 2; do
    dump="$("$engine" create --memory "$memory" --entrypoint java "$app_image" "${app_flags[@]}" \
      -Xshare:dump -XX:SharedClassListFile=/tmp/app-classes.lst -XX:SharedArchiveFile=/tmp/app.jsa \
      -cp @/app/jib-classpath-file)"
    "$engine" cp "$classes" "$dump:/tmp/app-classes.lst"
    "$engine" start --attach "$dump" >/dev/null 2>&1
    "$engine" cp "$dump:/tmp/app.jsa" "$dumps/$n.jsa"
    "$engine" rm "$dump" >/dev/null
  done
  echo "archive determinism: two -Xshare:dump of the same image and class list ($(wc -l <"$classes") classes): $(cmp -l "$dumps/1.jsa" "$dumps/2.jsa" | wc -l) of $(stat -c %s "$dumps/1.jsa") bytes differ"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
