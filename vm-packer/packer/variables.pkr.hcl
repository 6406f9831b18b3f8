variable "source_image_url" {
  type        = string
  description = "The cloud image to start from: a qcow2 with cloud-init that reads a NoCloud seed."
  default     = "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2"
}

variable "source_image_checksum" {
  type        = string
  description = "Checksum of source_image_url, or a file: / https: URL of a checksum list."
  default     = "file:https://cloud.debian.org/images/cloud/bookworm/latest/SHA512SUMS"
}

variable "dist_dir" {
  type        = string
  description = "The unpacked baremetal-systemd distribution (unit, env file, install.sh). Empty: what `./mvnw package` put in vm-packer/target."
  default     = ""
}

variable "advisor_jar" {
  type        = string
  description = "The fat JAR to install. Empty: infra-advisor.jar in dist_dir."
  default     = ""
}

variable "accelerator" {
  type        = string
  description = "kvm where /dev/kvm exists; tcg (software emulation, many times slower) elsewhere."
  default     = "kvm"
}

variable "disk_size" {
  type        = string
  description = "Virtual size of the image's disk; cloud-init grows the root partition to fill it."
  default     = "4G"
}

variable "memory" {
  type        = number
  description = "MiB of guest memory during the bake."
  default     = 2048
}

variable "cpus" {
  type    = number
  default = 2
}

variable "output_directory" {
  type        = string
  description = "Where the image is written; Packer refuses to overwrite an existing directory."
  default     = "output"
}

variable "output_name" {
  type        = string
  description = "File name of the image, without .qcow2."
  default     = "infra-advisor"
}

variable "ssh_timeout" {
  type        = string
  description = "How long to wait for the first boot (cloud-init creates the build user). Minutes under tcg."
  default     = "15m"
}

variable "serial_log" {
  type        = string
  description = "File that receives the guest's serial console during the bake (boot and cloud-init messages)."
  default     = "bake-serial.log"
}
