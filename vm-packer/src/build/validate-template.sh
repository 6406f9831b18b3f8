#!/usr/bin/env bash
# Checks the Packer template at `package`: formatting (packer fmt) and validity (packer
# validate), where packer is installed; says so and succeeds where it is not.
#
#   validate-template.sh PACKER_DIR WORK_DIR DIST_DIR
#
# WORK_DIR receives the template as this machine's Packer takes it, validated; BakedImageIT
# bakes from there. Packer before 1.7 (Debian 12 ships 1.6.6) has the qemu builder built in and
# rejects the `packer { required_plugins }` block, so its copy leaves out versions.pkr.hcl and
# nothing else. Newer Packer gets the template as it is and installs the qemu plugin
# (`packer init`); where that cannot reach the network, only the syntax is validated.
set -euo pipefail

packer_dir=$1
work_dir=$2
dist_dir=$3

if ! command -v packer >/dev/null; then
  echo "vm-packer: packer not on PATH: template not validated"
  exit 0
fi

version=$(packer version | head -n1 | sed -E 's/^Packer v?([0-9]+\.[0-9]+).*/\1/')
echo "vm-packer: Packer $version"

packer fmt -check -diff "$packer_dir"

rm -rf "$work_dir"
mkdir -p "$work_dir"
cp -r "$packer_dir/." "$work_dir/"

# The checksum list is fetched from the network at build time; validation stays offline. The
# copy is elsewhere, so the inputs are named rather than found relative to the template.
args=(-var source_image_checksum=none -var "dist_dir=$dist_dir")

if [[ $(printf '%s\n1.7\n' "$version" | sort -V | head -n1) != 1.7 ]]; then
  rm "$work_dir/versions.pkr.hcl"
  packer validate "${args[@]}" "$work_dir"
elif packer init "$work_dir" >/dev/null 2>&1; then
  packer validate "${args[@]}" "$work_dir"
else
  echo "vm-packer: qemu plugin not installed (packer init failed): syntax only"
  packer validate -syntax-only "$work_dir"
fi
