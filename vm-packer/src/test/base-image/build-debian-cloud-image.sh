#!/usr/bin/env bash
# Builds a stand-in for the official "Debian 12 genericcloud amd64" qcow2 image from Debian
# packages only: this machine cannot download images from cloud.debian.org. The Packer
# template in vm-packer boots it with a NoCloud seed (a CD labelled "cidata"), logs in as the
# user cloud-init creates, provisions it and shuts it down.
#
# Content mirrors the official image, not more: systemd, the cloud kernel, cloud-init with
# growpart (the root partition is the last one, so a bigger disk grows it at first boot),
# OpenSSH, sudo, ifupdown + dhclient (cloud-init 22.4's "eni" renderer writes the fallback
# DHCP config for the first NIC), apt over http to deb.debian.org. No Java: the template
# installs it. Empty /etc/machine-id and no SSH host keys: first boot makes them.
#
# Disk layout (MBR, no loop devices or mounts needed): partition 1 is a small FAT partition
# booted by syslinux (kernel, initrd, syslinux.cfg); partition 2 is the ext4 root, LABEL=root,
# filling the rest of the 3 GiB disk. Kernel console on ttyS0 (and tty0), so systemd starts a
# serial getty there. Interface names stay predictable (ens3 etc.), as on the official image;
# cloud-init's fallback config matches the NIC by MAC address, whatever its name.
#
# Prints the absolute path of the qcow2 on its last line; everything else goes to stderr.
# Cached: the file name holds a hash of this script, so a second run returns at once, and
# editing the script builds a new image.
# Needs root, mmdebstrap, e2fsprogs, dosfstools, mtools, syslinux, fdisk and qemu-utils.
set -euo pipefail

suite=bookworm
packages=systemd-sysv,udev,dbus,libpam-systemd,linux-image-cloud-amd64,initramfs-tools
packages+=,cloud-init,cloud-guest-utils,e2fsprogs,openssh-server,sudo
packages+=,ifupdown,isc-dhcp-client,iproute2,ca-certificates,netbase
disk_mib=3072   # virtual size; Packer's disk_size may make it bigger
boot_mib=128    # FAT boot partition, starts at 1 MiB
cache="${INFRA_MODELS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infra-models}"
hash="$(sha256sum "$0" | cut -c1-12)"
image="$cache/debian-12-genericcloud-amd64-$hash.qcow2"

if [[ -f "$image" ]]; then
  echo "$image"
  exit 0
fi

mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
image="$cache/debian-12-genericcloud-amd64-$hash.qcow2"
work="$(mktemp -d "$cache/debian-cloud-image.XXXXXX")"
trap 'rm -rf "$work" "$image.partial"' EXIT
start=$SECONDS

# Use the host's own Debian sources when it has them (a local mirror, a proxy), else
# mmdebstrap's default. The image itself gets deb.debian.org below.
mirror=()
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
  mirror=(/etc/apt/sources.list.d/debian.sources)
fi
root="$work/root"
mmdebstrap --variant=minbase --include="$packages" "$suite" "$root" "${mirror[@]}" >&2
echo "root filesystem built in $((SECONDS - start)) s" >&2

# First boot fills these in: systemd the machine id, cloud-init the SSH host keys.
: > "$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id" "$root"/etc/ssh/ssh_host_*_key "$root"/etc/ssh/ssh_host_*_key.pub
rm -f "$root/etc/resolv.conf"   # dhclient writes it
echo debian > "$root/etc/hostname"
# As on the official image. Without it cloud-init's locale module wants en_US.UTF-8, which
# no image generates, and fails: "update-locale: Error: invalid locale settings".
echo LANG=C.UTF-8 > "$root/etc/default/locale"
cat > "$root/etc/hosts" <<'HOSTS'
127.0.0.1	localhost
127.0.1.1	debian
::1	localhost ip6-localhost ip6-loopback
ff02::1	ip6-allnodes
ff02::2	ip6-allrouters
HOSTS
echo 'LABEL=root / ext4 rw,discard,errors=remount-ro 0 1' > "$root/etc/fstab"
rm -f "$root"/etc/apt/sources.list.d/* "$root/etc/apt/sources.list"
cat > "$root/etc/apt/sources.list" <<'SOURCES'
deb http://deb.debian.org/debian bookworm main
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
if [[ ! -f "$root/etc/network/interfaces" ]]; then
  printf 'source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n' \
    > "$root/etc/network/interfaces"
fi

kernels=("$root"/boot/vmlinuz-*)
initrds=("$root"/boot/initrd.img-*)
if [[ ${#kernels[@]} -ne 1 || ${#initrds[@]} -ne 1 || ! -f ${initrds[0]} ]]; then
  echo "expected one kernel and one initrd in $root/boot" >&2
  exit 1
fi

# Boot partition: FAT with syslinux, kernel and initrd.
cat > "$work/syslinux.cfg" <<'CFG'
SERIAL 0 115200
DEFAULT debian
PROMPT 0
TIMEOUT 0
LABEL debian
  KERNEL vmlinuz
  INITRD initrd.img
  APPEND root=LABEL=root ro console=tty0 console=ttyS0,115200 consoleblank=0
CFG
mkfs.vfat -C -n BOOT "$work/boot.img" $((boot_mib * 1024)) >&2
mcopy -i "$work/boot.img" "${kernels[0]}" ::vmlinuz
mcopy -i "$work/boot.img" "${initrds[0]}" ::initrd.img
mcopy -i "$work/boot.img" "$work/syslinux.cfg" ::syslinux.cfg
syslinux --install "$work/boot.img"

# Root partition: the rest of the disk, last, so growpart can grow it.
boot_start=2048
boot_sectors=$((boot_mib * 2048))
root_start=$((boot_start + boot_sectors))
root_sectors=$((disk_mib * 2048 - root_start))
truncate -s $((root_sectors * 512)) "$work/root.img"
mkfs.ext4 -q -F -L root -d "$root" "$work/root.img" >&2

truncate -s "${disk_mib}M" "$work/disk.raw"
sfdisk --quiet "$work/disk.raw" >&2 <<TABLE
label: dos
unit: sectors
start=$boot_start, size=$boot_sectors, type=c, bootable
start=$root_start, size=$root_sectors, type=83
TABLE
dd if=/usr/lib/syslinux/mbr/mbr.bin of="$work/disk.raw" bs=440 count=1 conv=notrunc status=none
dd if="$work/boot.img" of="$work/disk.raw" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$work/root.img" of="$work/disk.raw" bs=1M seek=$((root_start / 2048)) conv=notrunc,sparse status=none

qemu-img convert -c -O qcow2 "$work/disk.raw" "$image.partial"
mv "$image.partial" "$image"
echo "image built in $((SECONDS - start)) s" >&2
echo "$image"
