#!/usr/bin/env bash
# Installs or upgrades infra-advisor as a systemd service.
#
# Run it from the unpacked distribution directory (infra-advisor.jar,
# infra-advisor.service, infra-advisor.env, start-archive.sh, install.sh,
# uninstall.sh side by side). Safe to re-run: a second run is an upgrade that
# swaps the application, the unit, remakes the start-up archive and restarts
# the service, but never touches an existing env file.
#
# The fat JAR is installed extracted (Spring Boot's jarmode=tools extract):
# a plain class path of jars, which is what a CDS archive or an AOT cache can
# be made for. The archive is made here, by a training start of the JVM that
# will run the service (start-archive.sh). With --root that JVM cannot be run,
# so the unit's first start on the booted system makes it (ExecStartPre=).
#
# Needs only bash and coreutils; systemctl is used when it is there.
set -euo pipefail

readonly NAME=infra-advisor
readonly UNIT="$NAME.service"
readonly MIN_JAVA=17

usage() {
  cat <<EOF
Usage: $0 [--root DIR] [--no-start] [--jar PATH]

Installs $NAME as a systemd service:
  /opt/$NAME/app/                 the extracted jar, replaced on every run
  /opt/$NAME/start-archive.*      start-up archive, remade on every run
                                  (with --root: on the first start)
  /etc/systemd/system/$UNIT       replaced on every run
  /etc/$NAME/$NAME.env            created only if missing (your edits stay)
then enables the unit and starts it, or restarts it if it was running.

Options:
  --root DIR    install into DIR instead of / (image builds, tests);
                enables the unit but never reloads or starts anything
  --no-start    install and enable, but do not start or restart
  --jar PATH    jar to install (default: $NAME.jar next to this script)
  -h, --help    show this help
EOF
}

log() { printf '%s: %s\n' "$NAME" "$*"; }
warn() { printf '%s: warning: %s\n' "$NAME" "$*" >&2; }
die() {
  printf '%s: error: %s\n' "$NAME" "$*" >&2
  exit 1
}

# Prints the major version of the java binary given, or nothing.
java_major() {
  local output legacy='version "1\.([0-9]+)' modern='version "([0-9]+)'
  output=$("$1" -version 2>&1) || return 0
  # "1.8.0_402" means 8; "17.0.10" and "21" mean what they say.
  if [[ $output =~ $legacy ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  elif [[ $output =~ $modern ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  fi
}

# Says whether /usr/bin/java can run the service; non-zero status if not.
check_java() {
  local java="$prefix/usr/bin/java" major
  if [[ -n $root ]]; then
    # A binary inside another root may need other libraries or even another
    # architecture, so it is looked for but not run.
    if [[ -e $java || -L $java ]]; then
      echo "found $java (version not checked inside --root)"
      return 0
    fi
    echo "no $java: install a Java $MIN_JAVA+ runtime in that root, or the service cannot start"
    return 1
  fi
  if [[ ! -x $java ]]; then
    echo "no executable /usr/bin/java: install a Java $MIN_JAVA+ runtime (Debian: apt-get install openjdk-17-jre-headless)"
    return 1
  fi
  major=$(java_major "$java")
  if [[ -z $major ]]; then
    echo "cannot tell the version of /usr/bin/java ('/usr/bin/java -version' failed)"
    return 1
  fi
  if ((major < MIN_JAVA)); then
    echo "/usr/bin/java is Java $major; $NAME needs Java $MIN_JAVA or later"
    return 1
  fi
  echo "found Java $major at /usr/bin/java"
}

# Copies to a temporary name in the target directory, then renames: a reader
# (or a running JVM) sees the old file or the new one, never half of one.
install_atomically() {
  local source=$1 target=$2 mode=$3 action=installed tmp
  if [[ -e $target ]]; then
    action=replaced
  fi
  tmp=$(mktemp "$(dirname -- "$target")/.$(basename -- "$target").XXXXXX")
  pending_tmp=$tmp
  cp -- "$source" "$tmp"
  chmod "$mode" "$tmp"
  mv -f -- "$tmp" "$target"
  pending_tmp=
  log "$action $target"
}

cleanup() {
  if [[ -n ${pending_tmp:-} ]]; then
    rm -rf -- "$pending_tmp"
  fi
}

# Prints SERVER_PORT from the env file, or 8080 (the application's default).
configured_port() {
  local line port=8080 pattern='^[[:space:]]*SERVER_PORT=["'"'"']?([0-9]+)'
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ $pattern ]]; then
      port=${BASH_REMATCH[1]}
    fi
  done <"$1"
  printf '%s' "$port"
}

# Prints JAVA_OPTS from the env file (its value without the quotes), or nothing.
configured_java_opts() {
  local line opts='' pattern='^[[:space:]]*JAVA_OPTS=(.*)$' value
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ $pattern ]]; then
      value=${BASH_REMATCH[1]}
      value=${value#[\"\']}
      opts=${value%[\"\']}
    fi
  done <"$1"
  printf '%s' "$opts"
}

# The Java that unpacks the fat JAR: the target's own, or with --root (whose
# binary is not run) this machine's. Extracting is unzipping: any Java does.
extracting_java() {
  if [[ -z $root && -x /usr/bin/java ]]; then
    printf '%s' /usr/bin/java
  elif [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    printf '%s' "$JAVA_HOME/bin/java"
  else
    command -v java || die "extracting $jar needs a java on PATH (or JAVA_HOME)"
  fi
}

# Unpacks the fat JAR next to the running one, then swaps the directories: a
# start sees the old application or the new one, never half of one.
extract_application() {
  local extractor staging old
  extractor=$(extracting_java)
  staging=$(mktemp -d "$home/.app.XXXXXX")
  pending_tmp=$staging
  "$extractor" -Djarmode=tools -jar "$jar" extract --destination "$staging/app" \
    --application-filename "$NAME.jar" >/dev/null ||
    die "could not extract $jar with $extractor (is it the Spring Boot fat JAR?)"
  chmod -R u=rwX,go=rX "$staging/app"
  if [[ -d $home/app ]]; then
    old=$staging/old
    mv -- "$home/app" "$old"
    mv -- "$staging/app" "$home/app"
    log "replaced $home/app"
  else
    mv -- "$staging/app" "$home/app"
    log "installed $home/app"
  fi
  rm -rf -- "$staging"
  pending_tmp=
  # Left by releases that ran the fat JAR itself.
  rm -f -- "$home/$NAME.jar"
}

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=
jar="$script_dir/$NAME.jar"
start=yes

while (($# > 0)); do
  case $1 in
    --root)
      (($# >= 2)) || die "--root needs a directory"
      root=$2
      shift 2
      ;;
    --root=*)
      root=${1#--root=}
      shift
      ;;
    --no-start)
      start=no
      shift
      ;;
    --jar)
      (($# >= 2)) || die "--jar needs a path"
      jar=$2
      shift 2
      ;;
    --jar=*)
      jar=${1#--jar=}
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

if [[ -n $root ]]; then
  [[ -d $root ]] || die "--root $root is not a directory"
  [[ -w $root ]] || die "--root $root is not writable by uid $EUID"
  # systemctl --root wants an absolute path.
  root=$(cd -- "$root" && pwd)
elif ((EUID != 0)); then
  die "must run as root to install into / (use sudo), or use --root DIR"
fi
# Prefix for every target path; empty when installing into /.
prefix=${root%/}

[[ -f $jar ]] || die "jar not found: $jar (use --jar PATH)"
for file in "$UNIT" "$NAME.env" start-archive.sh; do
  [[ -f $script_dir/$file ]] || die "$file not found next to $0; run this script from the unpacked distribution"
done

# Starting only makes sense on a host whose PID 1 is systemd.
systemd_running=no
if [[ -z $root && -d /run/systemd/system ]]; then
  systemd_running=yes
fi
will_start=no
if [[ $systemd_running == yes && $start == yes ]]; then
  will_start=yes
fi

if java_report=$(check_java); then
  log "$java_report"
elif [[ $will_start == yes ]]; then
  die "$java_report"
else
  warn "$java_report"
fi

trap cleanup EXIT

install -d -m 0755 "$prefix/opt/$NAME" "$prefix/etc/$NAME" "$prefix/etc/systemd/system"

home="$prefix/opt/$NAME"
extract_application
install_atomically "$script_dir/start-archive.sh" "$home/start-archive.sh" 0755
install_atomically "$script_dir/$UNIT" "$prefix/etc/systemd/system/$UNIT" 0644

env_target="$prefix/etc/$NAME/$NAME.env"
if [[ -e $env_target ]]; then
  log "kept existing $env_target (defaults of this release: $script_dir/$NAME.env)"
else
  # 0640: the file may hold secrets, and only systemd (root) has to read it.
  install_atomically "$script_dir/$NAME.env" "$env_target" 0640
fi

if [[ -n $root ]]; then
  # Made for jars that were just replaced, or for another root's JVM: useless either way.
  rm -f -- "$home"/start-archive.{aot,jsa,stamp,env,log}
  log "start-up archive: made by the first start of $UNIT on the booted system, with its JVM"
elif ! ARCHIVE_HOME="/opt/$NAME" JAVA_OPTS="$(configured_java_opts "$env_target")" \
  sh "$home/start-archive.sh" make; then
  warn "no start-up archive: $UNIT starts without one (slower), and tries again on its next start"
fi

if [[ $systemd_running == yes ]]; then
  systemctl daemon-reload
  systemctl enable "$UNIT"
  log "enabled $UNIT"
elif command -v systemctl >/dev/null 2>&1; then
  # Without a running systemd, systemctl edits the symlinks offline.
  systemctl --root="${root:-/}" enable "$UNIT"
  log "enabled $UNIT in ${root:-/}"
else
  wants="$prefix/etc/systemd/system/multi-user.target.wants"
  install -d -m 0755 "$wants"
  ln -sfn "/etc/systemd/system/$UNIT" "$wants/$UNIT"
  log "enabled $UNIT in ${root:-/} (symlink $wants/$UNIT)"
fi

if [[ $will_start == yes ]]; then
  if systemctl is-active --quiet "$UNIT"; then
    systemctl restart "$UNIT"
    log "restarted $UNIT to run the new jar"
  else
    systemctl start "$UNIT"
    log "started $UNIT"
  fi
  port=$(configured_port "$env_target")
  log "status: systemctl status $UNIT; logs: journalctl -u $UNIT -f"
  log "ready when: curl -fsS http://localhost:$port/actuator/health/readiness"
elif [[ -n $root ]]; then
  log "installed into $root; the service starts when a system boots from it"
elif [[ $systemd_running == no ]]; then
  log "systemd is not running here, so $UNIT was not started; it starts on the next boot"
elif systemctl is-active --quiet "$UNIT"; then
  log "not restarted (--no-start): $UNIT still runs the previous jar; apply with: systemctl restart $UNIT"
else
  log "not started (--no-start); start with: systemctl start $UNIT"
fi
