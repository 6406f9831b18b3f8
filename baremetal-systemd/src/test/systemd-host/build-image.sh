#!/usr/bin/env bash
# Builds a stand-in for "a Debian server with systemd and a JRE" as a local podman image,
# from Debian packages only (no registry needed). SystemdServiceIT boots it with systemd as
# PID 1 and installs the service with the real install.sh.
#
# Prints the image name on its last line. Cached: the image tag is a hash of this script, so
# a second run returns at once, and editing the script builds a new image.
# Needs root, podman (with runc) and mmdebstrap.
set -euo pipefail

suite=bookworm
packages=systemd,systemd-sysv,dbus,openjdk-17-jre-headless,procps
cache="${INFRA_MODELS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infra-models}"
hash="$(sha256sum "$0" | cut -c1-12)"
image="localhost/infra-models/systemd-host:$hash"
rootfs="$cache/systemd-host-$hash.tar"

if podman image exists "$image"; then
  echo "$image"
  exit 0
fi

mkdir -p "$cache"
if [[ ! -f "$rootfs" ]]; then
  # Use the host's own Debian sources when it has them (a local mirror, a proxy), else
  # mmdebstrap's default.
  mirror=()
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    mirror=(/etc/apt/sources.list.d/debian.sources)
  fi
  start=$SECONDS
  # The suffix must stay .tar: mmdebstrap picks the output format from it.
  # Excluding man pages needs the man1 directory back, or the JRE's postinst fails;
  # mmdebstrap expands $1 (the root directory) itself.
  # shellcheck disable=SC2016
  mmdebstrap --variant=minbase --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    "$suite" "$rootfs.partial.tar" "${mirror[@]}" >&2
  mv "$rootfs.partial.tar" "$rootfs"
  echo "root filesystem built in $((SECONDS - start)) s: $rootfs" >&2
fi

# systemd as PID 1 stops on SIGRTMIN+3, not SIGTERM.
podman import --quiet \
  --change 'CMD ["/sbin/init"]' \
  --change 'STOPSIGNAL SIGRTMIN+3' \
  "$rootfs" "$image" >&2
echo "$image"
