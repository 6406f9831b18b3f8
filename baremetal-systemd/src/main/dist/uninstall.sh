#!/usr/bin/env bash
# Removes what install.sh put in place. Safe to re-run: whatever is already
# gone is reported and skipped.
#
# Configuration (/etc/infra-advisor and drop-ins made with systemctl edit)
# stays unless --purge is given, so a later install picks it up again.
set -euo pipefail

readonly NAME=infra-advisor
readonly UNIT="$NAME.service"

usage() {
  cat <<EOF
Usage: $0 [--root DIR] [--purge]

Stops and disables $UNIT, then removes
  /etc/systemd/system/$UNIT
  /opt/$NAME/
and, with --purge, also the configuration
  /etc/$NAME/
  /etc/systemd/system/$UNIT.d/

Options:
  --root DIR    uninstall from DIR instead of / (never stops anything)
  --purge       remove the configuration too
  -h, --help    show this help
EOF
}

log() { printf '%s: %s\n' "$NAME" "$*"; }
die() {
  printf '%s: error: %s\n' "$NAME" "$*" >&2
  exit 1
}

remove() {
  local path=$1
  if [[ -e $path || -L $path ]]; then
    rm -rf -- "$path"
    log "removed $path"
  else
    log "already absent: $path"
  fi
}

root=
purge=no

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
    --purge)
      purge=yes
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
  die "must run as root to uninstall from / (use sudo), or use --root DIR"
fi
# Prefix for every target path; empty when uninstalling from /.
prefix=${root%/}

unit_file="$prefix/etc/systemd/system/$UNIT"
systemd_running=no
if [[ -z $root && -d /run/systemd/system ]]; then
  systemd_running=yes
fi

if [[ $systemd_running == yes ]]; then
  if systemctl is-active --quiet "$UNIT"; then
    systemctl stop "$UNIT"
    log "stopped $UNIT"
  fi
  if [[ -e $unit_file ]]; then
    systemctl disable "$UNIT"
    log "disabled $UNIT"
  fi
elif [[ -e $unit_file ]] && command -v systemctl >/dev/null 2>&1; then
  # Without a running systemd, systemctl edits the symlinks offline.
  systemctl --root="${root:-/}" disable "$UNIT"
  log "disabled $UNIT in ${root:-/}"
fi
# Covers hosts without systemctl, and a unit file someone already deleted.
wants_link="$prefix/etc/systemd/system/multi-user.target.wants/$UNIT"
if [[ -L $wants_link ]]; then
  rm -f -- "$wants_link"
  log "removed $wants_link"
fi

remove "$unit_file"
remove "$prefix/opt/$NAME"

if [[ $purge == yes ]]; then
  remove "$prefix/etc/$NAME"
  remove "$unit_file.d"
else
  if [[ -e $prefix/etc/$NAME ]]; then
    log "kept $prefix/etc/$NAME (remove it with --purge)"
  fi
  if [[ -e $unit_file.d ]]; then
    log "kept $unit_file.d (remove it with --purge)"
  fi
fi

if [[ $systemd_running == yes ]]; then
  systemctl daemon-reload
  # A unit that had failed stays listed until its failed state is cleared.
  systemctl reset-failed "$UNIT" 2>/dev/null || true
fi
