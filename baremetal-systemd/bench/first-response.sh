#!/usr/bin/env bash
# Measures what a user waits for: from spawning the JVM to the first 200 on GET /runtime, for
#   plain      java -jar of the fat JAR (the untuned start)
#   extracted  the unit's ExecStart as install.sh leaves it, but without its start-up archive
#   unit       the unit's ExecStart as install.sh leaves it: extracted layout + archive, with the
#              env file's JAVA_OPTS (Spring AOT's generated code on: -Dspring.aot.enabled=true)
#   unit-no-aot the same without -Dspring.aot.enabled=true, with an archive trained without it
#   unit-c1    the same with -XX:TieredStopAtLevel=1 (measured for comparison, not shipped)
# on each JVM in JDKS, all interleaved (one run of every variant on every JVM, then the next),
# each run a fresh JVM. Ratios are against plain java -jar on the same JVM.
#
# The service is installed by the real install.sh with --root into a scratch directory, one copy
# per JVM, and each copy gets its archive from start-archive.sh make run with that JVM: what
# install.sh does on a host whose /usr/bin/java is that JVM. The unit's ExecStart= line is read
# from the installed unit, with /usr/bin/java and /opt/infra-advisor pointed at the copy, and run
# with the env file's variables, as systemd would (the sandbox aside).
#
# After each start's first 200 it sends a warm-up batch of contract requests (POST /estimate,
# GET /runtime) and reads the JVM's VmRSS from /proc.
#
# Usage: bench/first-response.sh [RUNS]   (default 5; from the module or the repository root,
#        after ./mvnw -pl baremetal-systemd -am package). JDKS, PORT and RESULTS override.
# A run with no 200 within 120 s is reported and left out of the median, never averaged in.
set -euo pipefail

runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
jar="$module/target/infra-advisor.jar"
port="${PORT:-18180}"
jdks="${JDKS:-/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64}"
variants=(plain extracted unit unit-no-aot unit-c1)
warmup_requests=200
body='{"requestsPerMonth":1000000,"avgDurationMs":120,"memoryMb":512,"peakRequestsPerSecond":10}'

[[ -f "$jar" ]] || { echo "no jar at $jar: build it first (./mvnw -pl baremetal-systemd -am package)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not on PATH" >&2; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something already answers on port $port; set PORT to a free one" >&2
  exit 1
fi

now_ms() { date +%s%3N; }
scratch="$(mktemp -d)"
# Run as root, start-archive.sh trains as nobody, who must reach the jars.
chmod 0755 "$scratch"
pid=
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

exec > >(tee "${RESULTS:-$here/results.txt}") 2>&1
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(uname -sr), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: bench/first-response.sh $runs; $runs fresh starts per variant and JVM, interleaved"

dist="$scratch/dist"
mkdir -p "$dist"
cp "$module"/src/main/dist/* "$module/src/main/systemd/infra-advisor.service" "$jar" "$dist/"

# One installed copy per JVM: an archive is only valid for the JVM that made it.
declare -A home
for jdk in $jdks; do
  name="$(basename "$jdk")"
  root="$scratch/root-$name"
  mkdir -p "$root"
  JAVA_HOME="$jdk" bash "$dist/install.sh" --root "$root" --no-start >/dev/null 2>&1
  home[$name]="$root/opt/infra-advisor"
  env_file="$root/etc/infra-advisor/infra-advisor.env"
  java_opts="$(sed -n 's/^JAVA_OPTS="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$env_file")"
  echo "jvm $name: $("$jdk/bin/java" -version 2>&1 | head -1)"
  if ! ARCHIVE_HOME="${home[$name]}" ARCHIVE_JAVA="$jdk/bin/java" JAVA_OPTS="$java_opts" \
    sh "${home[$name]}/start-archive.sh" make >"$scratch/make.log" 2>&1; then
    sed 's/^/  /' "$scratch/make.log"
    tail -20 "${home[$name]}/start-archive.log"
    exit 1
  fi
  sed 's/^/  /' "$scratch/make.log"
  echo "  $(grep '^ARCHIVE_OPTS=' "${home[$name]}/start-archive.env")"
  # The same install with Spring AOT left off, and its own archive: what the env file without
  # -Dspring.aot.enabled=true gives (the archive's identity includes JAVA_OPTS).
  cp -a "$root" "$root-no-aot"
  no_aot_opts="$(printf '%s' "$java_opts" | sed 's/-Dspring\.aot\.enabled=true *//')"
  sed -i "s|^JAVA_OPTS=.*|JAVA_OPTS=\"$no_aot_opts\"|" "$root-no-aot/etc/infra-advisor/infra-advisor.env"
  if ! ARCHIVE_HOME="$root-no-aot/opt/infra-advisor" ARCHIVE_JAVA="$jdk/bin/java" \
    JAVA_OPTS="$no_aot_opts" sh "$root-no-aot/opt/infra-advisor/start-archive.sh" make \
    >"$scratch/make.log" 2>&1; then
    sed 's/^/  /' "$scratch/make.log"
    exit 1
  fi
  echo "  without Spring AOT: $(grep '^ARCHIVE_OPTS=' "$root-no-aot/opt/infra-advisor/start-archive.env")"
done
exec_start="$(sed -n 's/^ExecStart=//p' "$module/src/main/systemd/infra-advisor.service")"
echo "unit's ExecStart: $exec_start"

# The unit's command line for one JVM's copy, its variables expanded the way systemd splits
# $VAR (on whitespace). Prints one argument per line.
unit_command() {
  local jdk=$1 variant=$2 name root line java_opts archive_opts
  name="$(basename "$jdk")"
  root="$scratch/root-$name"
  if [[ $variant == unit-no-aot ]]; then root="$root-no-aot"; fi
  java_opts="$(sed -n 's/^JAVA_OPTS="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$root/etc/infra-advisor/infra-advisor.env")"
  archive_opts="$(sed -n 's/^ARCHIVE_OPTS=//p' "$root/opt/infra-advisor/start-archive.env")"
  case $variant in
    extracted) archive_opts= ;;
    unit-c1) archive_opts="$archive_opts -XX:TieredStopAtLevel=1" ;;
  esac
  line="${exec_start//\/usr\/bin\/java/$jdk/bin/java}"
  line="${line//\/opt\/infra-advisor/$root/opt/infra-advisor}"
  line="${line//\$JAVA_OPTS/$java_opts}"
  line="${line//\$ARCHIVE_OPTS/$archive_opts}"
  # shellcheck disable=SC2086
  printf '%s\n' $line
}

declare -A times rss failures
run_one() {
  local jdk=$1 variant=$2 run=$3 name key start deadline elapsed
  local -a command
  name="$(basename "$jdk")"
  key="$name/$variant"
  if [[ $variant == plain ]]; then
    command=("$jdk/bin/java" -jar "$jar")
  else
    mapfile -t command < <(unit_command "$jdk" "$variant")
  fi
  start="$(now_ms)"
  SERVER_PORT="$port" "${command[@]}" >"$scratch/last.log" 2>&1 &
  pid=$!
  deadline=$((start + 120000))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/runtime"; do
    if (($(now_ms) > deadline)) || ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run $key: FAILED, no 200 within 120 s (left out); last log lines:"
      tail -5 "$scratch/last.log" | sed 's/^/    /'
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      pid=
      failures[$key]=$((${failures[$key]:-0} + 1))
      return 0
    fi
    sleep 0.01
  done
  elapsed=$(($(now_ms) - start))
  for _ in $(seq 1 "$warmup_requests"); do
    curl -fs -o /dev/null -XPOST "http://127.0.0.1:$port/estimate" -H 'content-type: application/json' -d "$body"
  done
  curl -fs -o /dev/null "http://127.0.0.1:$port/runtime"
  local kb
  kb="$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status")"
  local warnings
  warnings="$(grep -c -E '\[warning\]\[(cds|aot)' "$scratch/last.log" || true)"
  kill "$pid"
  wait "$pid" || true
  pid=
  echo "run $run $key: ${elapsed} ms to first 200; VmRSS after $warmup_requests POST /estimate: $((kb / 1024)) MiB; cds/aot warnings: $warnings"
  times[$key]="${times[$key]:-} $elapsed"
  rss[$key]="${rss[$key]:-} $kb"
}

for run in $(seq 1 "$runs"); do
  for jdk in $jdks; do
    for variant in "${variants[@]}"; do
      run_one "$jdk" "$variant" "$run"
    done
  done
done

# The middle value; of an even count, the upper of the middle two: always a run that happened.
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR / 2) + 1] }'; }

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
echo "summary (median of the runs that answered; ratio = against plain java -jar on the same JVM):"
for jdk in $jdks; do
  name="$(basename "$jdk")"
  # shellcheck disable=SC2086
  plain_median="$(median ${times[$name/plain]})"
  for variant in "${variants[@]}"; do
    key="$name/$variant"
    # shellcheck disable=SC2086
    set -- ${times[$key]:-}
    if (($# == 0)); then
      echo "median $key: no run answered; failed ${failures[$key]:-0}"
      continue
    fi
    m="$(median "$@")"
    # shellcheck disable=SC2086
    r="$(median ${rss[$key]})"
    ratio="$(awk -v a="$m" -v b="$plain_median" 'BEGIN { printf "%.2f", a / b }')"
    echo "median $key: $m ms first 200, ratio ${ratio}x, VmRSS $((r / 1024)) MiB, answered $#, failed ${failures[$key]:-0}"
    rows+=("| $name | $variant | $m ms | ${ratio}× | $((r / 1024)) MiB | $# of $(($# + ${failures[$key]:-0})) |")
  done
done
echo "the README's table (ReadmeTest checks it against the summary above):"
printf '%s\n' "${rows[@]}"
# The root README's comparison table quotes the shipped start on the first JVM, from this line.
first="$(basename "${jdks%% *}")"
# shellcheck disable=SC2086
set -- ${times[$first/unit]:-}
if (($# > 0)); then
  echo "the unit's start as install.sh leaves it, on $first:"
  echo "median of $#: $(median "$@") ms"
fi
