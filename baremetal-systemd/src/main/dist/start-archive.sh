#!/bin/sh
# Makes and checks infra-advisor's start-up archive: the classes (and, on Java 25+, the linked
# and profiled state) of one training start, mapped into every later start of the same JVM.
#
#   start-archive.sh make      train now, with the JVM that runs the service
#   start-archive.sh refresh   do nothing if the archive fits this JVM and these jars, else make
#
# install.sh runs `make`; the unit runs `refresh` before every start (ExecStartPre=), so a JVM
# upgraded by the package manager, or jars changed since, get a new archive on the next start.
# Java 25 and later: an AOT cache (-XX:AOTCacheOutput, one training run); older: a dynamic
# AppCDS archive (-XX:ArchiveClassesAtExit). Either way the training start is the service's own
# start cut short by -Dspring.context.exit=onRefresh: no port is bound, no request served.
#
# The service never depends on it: whatever goes wrong here, the unit starts without an archive,
# only slower. So `refresh` always exits 0, and clears the archive's options before it remakes.
#
# Environment: ARCHIVE_HOME (default /opt/infra-advisor), ARCHIVE_JAVA (default /usr/bin/java),
# JAVA_OPTS (the service's options, from its env file; they are part of the archive's identity),
# ARCHIVE_TRAINING_TIMEOUT in seconds (default 600: under emulation a training start is slow).
set -eu

home=${ARCHIVE_HOME:-/opt/infra-advisor}
java=${ARCHIVE_JAVA:-/usr/bin/java}
timeout_s=${ARCHIVE_TRAINING_TIMEOUT:-600}
jar="$home/app/infra-advisor.jar"
stamp="$home/start-archive.stamp"
env_file="$home/start-archive.env"
log_file="$home/start-archive.log"

say() { printf 'start-archive: %s\n' "$*" >&2; }

java_major() {
  "$java" -version 2>&1 | sed -n '1s/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p'
}

# What an archive is only valid for: this JVM binary, its exact build, the options it runs with,
# and every jar on the class path, byte for byte and by modification time (the JVM checks both).
# The build is read from the JDK's files, not from `java -version`: this runs before every start.
identity() {
  binary=$(readlink -f "$java")
  jdk_home=${binary%/bin/java}
  printf 'java %s\n' "$binary"
  cat "$jdk_home/release" 2>/dev/null || true
  find "$jdk_home/lib" -name libjvm.so -printf '%p %s %T@\n' 2>/dev/null | LC_ALL=C sort
  printf 'options %s\n' "${JAVA_OPTS:-}"
  (cd "$home/app" && find . -name '*.jar' -type f -printf '%p %s %T@\n' | LC_ALL=C sort)
  (cd "$home/app" && find . -name '*.jar' -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
}

archive_present() {
  [ -f "$home/start-archive.aot" ] || [ -f "$home/start-archive.jsa" ]
}

# Atomically, so a start that reads it sees the old options or the new ones.
write_env() {
  printf '# Written by start-archive.sh; empty options mean: start without an archive.\nARCHIVE_OPTS=%s\n' "$1" >"$env_file.new"
  chmod 0644 "$env_file.new"
  mv -f "$env_file.new" "$env_file"
}

make_archive() {
  [ -f "$jar" ] || {
    say "no $jar: nothing to train"
    return 1
  }
  major=$(java_major)
  [ -n "$major" ] || {
    say "cannot tell the version of $java"
    return 1
  }
  if [ "$major" -ge 25 ]; then
    archive="$home/start-archive.aot"
    output_flag=-XX:AOTCacheOutput
    use_flag=-XX:AOTCache
  else
    archive="$home/start-archive.jsa"
    output_flag=-XX:ArchiveClassesAtExit
    use_flag=-XX:SharedArchiveFile
  fi
  write_env ""
  rm -f "$stamp" "$home"/start-archive.aot "$home"/start-archive.jsa
  work=$(mktemp -d "$home/.start-archive.XXXXXX")
  run_as=""
  # The training start runs the application's code: never as root when it can be avoided.
  if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
    chown 65534:65534 "$work"
    run_as="setpriv --reuid=65534 --regid=65534 --clear-groups --"
  fi
  say "training start with $java (Java $major), up to ${timeout_s} s: $output_flag"
  # JAVA_OPTS is split on whitespace, as systemd splits $JAVA_OPTS in ExecStart=.
  # shellcheck disable=SC2086
  if (cd "$work" && timeout --kill-after=10 "$timeout_s" $run_as "$java" \
    "$output_flag=$work/archive" -Dspring.context.exit=onRefresh ${JAVA_OPTS:-} \
    -jar "$jar") >"$log_file" 2>&1 && [ -s "$work/archive" ]; then
    chmod 0644 "$work/archive"
    [ -z "$run_as" ] || chown 0:0 "$work/archive"
    mv -f "$work/archive" "$archive"
    rm -rf "$work"
    identity >"$stamp"
    write_env "$use_flag=$archive"
    say "made $archive ($(wc -c <"$archive") bytes) for $(readlink -f "$java")"
  else
    rm -rf "$work"
    say "training start failed (see $log_file); the service starts without an archive"
    return 1
  fi
}

case "${1:-}" in
  make)
    make_archive
    ;;
  refresh)
    if [ -f "$stamp" ] && [ -f "$env_file" ] && archive_present && identity | cmp -s - "$stamp"; then
      exit 0
    fi
    say "the archive is missing or was made for another JVM, other options or other jars"
    make_archive || true
    ;;
  *)
    say "usage: $0 make|refresh"
    exit 2
    ;;
esac
