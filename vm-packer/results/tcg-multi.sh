#!/bin/bash
# Boots a baked image the way BakedImageIT does, with a chosen TCG mode, CPU model and extra JVM
# options for the guest's service (appended to its env file by the seed), then kills the JVM
# RESTARTS times: each start is a chance for the multi-threaded TCG crash. Logs every time and
# a count of crash lines in the unit's journal to $RESULTS (tcg-multi.log was written by it).
# Usage: BASE=image.qcow2 tcg-multi.sh LABEL ACCEL CPU "EXTRA JVM OPTIONS" RESTARTS
#   e.g. tcg-multi.sh multi-c1 tcg,thread=multi "" "-XX:TieredStopAtLevel=1" 2
set -u
base="${BASE:?BASE=a baked image, e.g. a copy of target/vm-it/bake/output/infra-advisor.qcow2}"
work="${WORK:-/tmp/tcg-multi}"
results="${RESULTS:-$work/results.log}"
label=$1; accel=$2; cpu=$3; extra=$4; restarts=$5
d=$work/$label; rm -rf "$d"; mkdir -p "$d/seed"
qemu-img create -q -f qcow2 -F qcow2 -b "$base" "$d/overlay.qcow2"
ssh-keygen -q -t ed25519 -N '' -f "$d/key"
printf 'instance-id: exp-%s-%s\nlocal-hostname: exp\n' "$label" "$RANDOM" > "$d/seed/meta-data"
{
  echo "#cloud-config"; echo "manage_etc_hosts: true"; echo "users:"; echo "  - name: tester"
  echo "    shell: /bin/bash"; echo "    sudo: ALL=(ALL) NOPASSWD:ALL"; echo "    ssh_authorized_keys:"
  echo "      - $(cat "$d/key.pub")"
  if [ -n "$extra" ]; then
    echo "write_files:"; echo "  - path: /etc/infra-advisor/infra-advisor.env"; echo "    append: true"
    echo "    content: |"
    echo "      JAVA_OPTS=\"-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+ErrorFileToStderr -XX:-UsePerfData $extra\""
  fi
} > "$d/seed/user-data"
xorriso -as mkisofs -quiet -V cidata -J -r -o "$d/seed.iso" "$d/seed" 2>/dev/null
cpuopt=(); [ -n "$cpu" ] && cpuopt=(-cpu "$cpu")
hp=$((20000 + RANDOM % 10000)); sp=$((hp + 1))
log() { echo "$(date -u +%H:%M:%S) [$label accel=$accel cpu=${cpu:-default} flags='$extra'] $*" | tee -a "$results"; }
start=$(date +%s)
qemu-system-x86_64 -accel "$accel" "${cpuopt[@]}" -m 2048 -smp 2 \
  -drive file="$d/overlay.qcow2",if=virtio,format=qcow2 -cdrom "$d/seed.iso" \
  -netdev user,id=n0,hostfwd=tcp:127.0.0.1:$hp-:8080,hostfwd=tcp:127.0.0.1:$sp-:22 \
  -device virtio-net-pci,netdev=n0 -display none -serial file:"$d/serial.log" > "$d/qemu.log" 2>&1 &
qpid=$!
trap 'kill $qpid 2>/dev/null' EXIT
ready() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$hp/actuator/health/readiness"; }
vssh() { ssh -i "$d/key" -p $sp -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10 -o BatchMode=yes tester@127.0.0.1 "$@"; }
waitready() { local t0=$1 lim=$2; while [ "$(ready)" != 200 ]; do sleep 1; [ $(( $(date +%s) - t0 )) -gt "$lim" ] && return 1; done; return 0; }
if waitready "$start" 1500; then log "boot to first 200: $(( $(date +%s) - start )) s"; else log "boot: not ready in 1500 s"; fi
vssh "cat /proc/cpuinfo | grep -m1 'model name'; grep -m1 flags /proc/cpuinfo | wc -w; cat /proc/\$(systemctl show -p MainPID --value infra-advisor)/cmdline | tr '\0' ' '" > "$d/guest-info.txt" 2>&1
for i in $(seq 1 "$restarts"); do
  vssh "sudo systemctl reset-failed infra-advisor" >/dev/null 2>&1
  pid=$(vssh "systemctl show -p MainPID --value infra-advisor")
  t0=$(date +%s)
  vssh "sudo kill -9 $pid"
  while true; do np=$(vssh "systemctl show -p MainPID --value infra-advisor" 2>/dev/null); [ -n "$np" ] && [ "$np" != 0 ] && [ "$np" != "$pid" ] && break; sleep 1; [ $(( $(date +%s) - t0 )) -gt 1200 ] && break; done
  if waitready "$t0" 1200; then log "restart $i: kill -9 to ready $(( $(date +%s) - t0 )) s"; else log "restart $i: not ready in 1200 s"; fi
done
vssh "sudo journalctl -u infra-advisor --no-pager" > "$d/journal.log" 2>&1
nr=$(vssh "systemctl show -p NRestarts --value infra-advisor")
crashes=$(grep -c -E 'SIGSEGV|A fatal error|SIGILL|SIGBUS' "$d/journal.log")
# NRestarts counts since the last reset-failed (each kill above resets it first): 1 means no
# restart beyond the kill's own.
log "summary: JVM starts=$((restarts + 1)) NRestarts=$nr (1: none but the last kill's) crash lines=$crashes total wall $(( $(date +%s) - start )) s"
grep -E 'SIGSEGV|Problematic frame|^.*# [JjCcv]  ' "$d/journal.log" | head -6 | tee -a "$results"
