# Bakes infra-advisor into a VM image: the official Debian 12 cloud image, booted once under
# qemu, with the service installed by baremetal-systemd's own install.sh — the bare-metal
# layout, virtualised. The result is a qcow2 that starts the service at boot.

locals {
  dist_dir = var.dist_dir != "" ? var.dist_dir : "${path.root}/../target/packer-inputs/infra-advisor"
  jar      = var.advisor_jar != "" ? var.advisor_jar : "${local.dist_dir}/infra-advisor.jar"
}

source "qemu" "debian" {
  # Start from a ready disk image, not an installer ISO: iso_url names the cloud image.
  disk_image   = true
  iso_url      = var.source_image_url
  iso_checksum = var.source_image_checksum

  accelerator      = var.accelerator
  cpus             = var.cpus
  memory           = var.memory
  disk_size        = var.disk_size
  disk_interface   = "virtio"
  format           = "qcow2"
  disk_compression = true
  headless         = true
  output_directory = var.output_directory
  vm_name          = "${var.output_name}.qcow2"

  # cloud-init's NoCloud source reads a CD labelled cidata: it creates the build user.
  cd_files = ["${path.root}/cidata/meta-data", "${path.root}/cidata/user-data"]
  cd_label = "cidata"

  # Packer's default forwards SSH on every interface; the build user's password is in this
  # repository, so the forward listens on loopback only. Giving -netdev replaces Packer's
  # network arguments, so the NIC is restated.
  qemuargs = [
    ["-netdev", "user,id=user.0,hostfwd=tcp:127.0.0.1:{{ .SSHHostPort }}-:22"],
    ["-device", "virtio-net,netdev=user.0"],
    ["-serial", "file:${var.serial_log}"],
  ]

  communicator = "ssh"
  ssh_username = "packer"
  ssh_password = "packer-bake-only"
  ssh_timeout  = var.ssh_timeout

  # Last command of the bake, as root: the build user goes (with its sudo rule), then power off.
  shutdown_command = "sudo sh -c 'userdel --force --remove packer; rm -f /etc/sudoers.d/90-cloud-init-users; shutdown -P now'"
  shutdown_timeout = "5m"
}

build {
  sources = ["source.qemu.debian"]

  provisioner "shell" {
    inline = [
      # The first boot's cloud-init must be done before apt or users are touched.
      "cloud-init status --wait >/dev/null",
      "mkdir -p /tmp/infra-advisor",
    ]
  }

  # The baremetal-systemd distribution, as an operator would copy it to a server.
  provisioner "file" {
    source      = "${local.dist_dir}/"
    destination = "/tmp/infra-advisor"
  }

  provisioner "file" {
    source      = local.jar
    destination = "/tmp/infra-advisor/infra-advisor.jar"
  }

  provisioner "shell" {
    execute_command = "sudo sh -c '{{ .Vars }} {{ .Path }}'"
    scripts         = ["${path.root}/scripts/provision.sh", "${path.root}/scripts/cleanup.sh"]
  }
}
