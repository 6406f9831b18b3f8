# Packer and plugin versions, in a file of their own: Packer 1.6.6 (Debian 12's package, which
# the project's CI uses) has the qemu builder built in and rejects this block, so that one run
# leaves this file out. Everyone else runs `packer init .` first, which installs the plugin.
packer {
  required_version = ">= 1.10.0"
  required_plugins {
    qemu = {
      source  = "github.com/hashicorp/qemu"
      version = "~> 1.1"
    }
  }
}
