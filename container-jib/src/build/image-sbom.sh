#!/usr/bin/env bash
# The image's SBOM: syft over the image tar that jib:buildTar wrote (an OCI layout), as CycloneDX
# JSON. Unlike the application's SBOM (cyclonedx-maven-plugin, Maven dependencies only), syft
# reads the layers, so it also lists the base image's packages (the JRE, libc, CA certificates).
# Run by the pom in `package`, after jib:buildTar. Usage: image-sbom.sh IMAGE_TAR SBOM_JSON
#
# Without syft on PATH the build goes on without the SBOM and says so, except under CI (CI set
# and not "false"), where a missing SBOM is a failure.
set -euo pipefail

image_tar=$1
sbom=$2
rm -f "$sbom"

if ! command -v syft >/dev/null; then
  if [[ -n "${CI:-}" && "$CI" != false ]]; then
    echo "[ERROR] image-sbom: syft is not on PATH, and under CI (CI=$CI) the image's SBOM is required" >&2
    exit 1
  fi
  echo "[WARNING] image-sbom: syft is not on PATH: this build writes no SBOM of the image ($sbom)." \
    "Install syft (https://github.com/anchore/syft) to get one." >&2
  exit 0
fi

# No update check: builds run offline too.
SYFT_CHECK_FOR_APP_UPDATE=false syft scan --quiet "oci-archive:$image_tar" -o "cyclonedx-json=$sbom"
echo "[INFO] image-sbom: $(syft version | awk '/^Version:/ { print "syft " $2 }') wrote $sbom"
