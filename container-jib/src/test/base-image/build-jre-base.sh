#!/usr/bin/env bash
# Builds a stand-in for the default base image (container.base.image in ../../../pom.xml), from
# Debian packages only (no registry needed), for machines that cannot pull it. Use it with
#   ./mvnw -pl container-jib -am package -Dcontainer.base.image=tar://$(build-jre-base.sh | tail -n1)
#
# Prints the absolute path of a docker-archive tar on its last line; progress goes to stderr.
# Cached: the file name carries a hash of this script, so a second run returns at once, and
# editing the script builds a new image. Needs root, podman (with runc) and mmdebstrap.
set -euo pipefail

suite=bookworm
# Debian 12 has no JRE 21. The JRE pulls in ca-certificates-java; ca-certificates is named
# because TLS to anything outside the JVM's trust store needs the system bundle too.
packages=openjdk-17-jre-headless,ca-certificates
arch="$(dpkg --print-architecture)"
java_home="/usr/lib/jvm/java-17-openjdk-$arch"
cache="${INFRA_MODELS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infra-models}"
hash="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)"
image="localhost/infra-models/jre-base:$hash"

mkdir -p "$cache"
# Jib's tar:// wants an absolute path, whatever the cache variable held.
cache="$(cd "$cache" && pwd -P)"
archive="$cache/jre-base-$hash.docker.tar"

# A fixed name beside the hashed one: container-jib's pom switches its base image to this file
# when it exists (profile no-registry), so a machine that ran this script builds offline.
publish() {
  ln -sfn "$(basename "$archive")" "$cache/jre-base.docker.tar"
  echo "$archive"
}

if [[ -f "$archive" ]]; then
  publish
  exit 0
fi

work="$(mktemp -d "$cache/.jre-base-$hash.XXXXXX")"
cleanup() {
  rm -rf "$work"
  # The archive is what is cached; the podman image was only the way to write it.
  if podman image exists "$image"; then
    podman rmi --force "$image" >/dev/null
  fi
}
trap cleanup EXIT

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
# The merged-usr hook sets up merged /usr as debootstrap does, with usr-is-merged instead of
# usrmerge, which would pull ~50 MB of perl into an image that never runs it.
# The JVM and Tomcat write to /tmp, which must be world-writable and sticky: Jib runs the
# process as a numeric non-root user. That user exists here as in the default (distroless
# nonroot) base, so the process gets the same primary group (65532, not root's 0) on both.
# shellcheck disable=SC2016
mmdebstrap --variant=minbase --include="$packages" \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='test -s "$1/etc/ssl/certs/java/cacerts"' \
  --customize-hook='mkdir -p "$1/tmp" && chmod 1777 "$1/tmp"' \
  --customize-hook='chroot "$1" groupadd --gid 65532 nonroot' \
  --customize-hook='chroot "$1" useradd --uid 65532 --gid 65532 --create-home --home-dir /home/nonroot --shell /usr/sbin/nologin nonroot' \
  --customize-hook='rm -f "$1"/var/cache/debconf/*-old "$1"/var/lib/dpkg/*-old' \
  "$suite" "$work/rootfs.tar" "${mirror[@]}" >&2
echo "root filesystem built in $((SECONDS - start)) s" >&2

# What JRE base images commonly set: java on the PATH, JAVA_HOME, and a UTF-8 locale (C.UTF-8
# ships with libc, so the excluded locale data is not needed), which makes UTF-8 the JVM's
# default for file names and console output.
podman import --quiet \
  --change "ENV JAVA_HOME=$java_home" \
  --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change 'ENV LANG=C.UTF-8' \
  "$work/rootfs.tar" "$image" >&2
# docker-archive, not oci-archive: Jib accepts only the former as a tar:// base.
podman save --quiet --format docker-archive --output "$work/image.tar" "$image" >&2
mv "$work/image.tar" "$archive"
# Stand-ins built from an older version of this script are of no further use.
find "$cache" -maxdepth 1 -name 'jre-base-*.docker.tar' ! -name "$(basename "$archive")" -delete
echo "base image built in $((SECONDS - start)) s: $archive ($(du -h "$archive" | cut -f1))" >&2
publish
