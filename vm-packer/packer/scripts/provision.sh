#!/bin/sh
# Runs as root inside the VM being baked: a JRE from Debian, then the service installed by the
# same install.sh an operator runs on a bare-metal server.
set -eu

export DEBIAN_FRONTEND=noninteractive
# A first boot may run apt's daily jobs at the same time: wait for their lock, do not fail on it.
apt-get -o DPkg::Lock::Timeout=600 update -q
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends openjdk-17-jre-headless

# Enabled, not started: systemd starts it at every boot of the image, the first included.
# install.sh also makes the start-up archive here, with the image's own JVM: a training start,
# which under software emulation takes minutes, hence the generous bound.
ARCHIVE_TRAINING_TIMEOUT=1800 /tmp/infra-advisor/install.sh \
  --jar /tmp/infra-advisor/infra-advisor.jar --no-start
# Every VM of this image would otherwise make it at its first boot: fail the bake instead.
if ! [ -s /opt/infra-advisor/start-archive.jsa ] && ! [ -s /opt/infra-advisor/start-archive.aot ]; then
  echo "provision: install.sh made no start-up archive; its training log:" >&2
  cat /opt/infra-advisor/start-archive.log >&2 || true
  exit 1
fi
rm -rf /tmp/infra-advisor
