#!/bin/sh
# Runs as root inside the VM being baked: a JRE from Debian, then the service installed by the
# same install.sh an operator runs on a bare-metal server.
set -eu

export DEBIAN_FRONTEND=noninteractive
# A first boot may run apt's daily jobs at the same time: wait for their lock, do not fail on it.
apt-get -o DPkg::Lock::Timeout=600 update -q
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends openjdk-17-jre-headless

# Enabled, not started: systemd starts it at every boot of the image, the first included.
/tmp/infra-advisor/install.sh --jar /tmp/infra-advisor/infra-advisor.jar --no-start
rm -rf /tmp/infra-advisor
