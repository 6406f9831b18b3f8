#!/bin/sh
# Runs as root, last: leaves nothing of this VM's identity or of the bake in the image. Each VM
# started from it is a new cloud-init instance, with its own machine-id, SSH host keys and
# users. (The build user itself goes in Packer's shutdown_command: it is logged in until then.)
set -eu

# Forget this instance: the next boot runs cloud-init's first-boot modules again.
cloud-init clean --logs --seed
# Password logins were for the bake only (ssh_pwauth in the bake's seed).
rm -f /etc/ssh/sshd_config.d/50-cloud-init.conf
# New host keys and machine-id for every VM (cloud-init and systemd create them at boot).
rm -f /etc/ssh/ssh_host_*
truncate -s 0 /etc/machine-id
rm -f /var/lib/dbus/machine-id

apt-get clean
rm -rf /var/lib/apt/lists/*
journalctl --rotate >/dev/null 2>&1 || true
journalctl --vacuum-time=1s >/dev/null 2>&1 || true
rm -f /root/.bash_history
