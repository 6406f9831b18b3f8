#!/usr/bin/env bash
# The image's start-up archive (AppCDS), made by the image's own JVM against the image's own files:
# loads the image tar that jib:buildTar wrote into the container engine, starts it once as a
# training run (its own user, flags and 512 MB, as in production) and sends it the first request,
# so the JVM lists every class it loaded (-XX:DumpLoadedClassList); then a second container of the
# same image dumps a static archive of those classes (-Xshare:dump). Jib sets every file's time to
# its fixed epoch, and the archive records the jars' times and sizes as the image has them, so the
# image that adds it as a layer on top of the very same layers passes the JVM's check.
# Run by the pom in `prepare-package`, after jib:buildTar; usage:
#   cds-archive.sh IMAGE_TAR IMAGE_ID OUT_DIR
# writes OUT_DIR/app.jsa (and OUT_DIR/../cds-classes.lst, the list it was made from).
#
# Without a container engine the build goes on without the archive and says so (the image then
# starts without it, slower), except under CI (CI set and not "false"), where that is a failure.
# ENGINE=docker to use Docker; CONTAINER_CDS_SKIP=true to skip on purpose.
set -euo pipefail

image_tar=$1
image_id_file=$2
out=$3
engine="${ENGINE:-podman}"
main_class=com.example.inframodels.container.ContainerAdvisorApplication

rm -rf "$out"
mkdir -p "$out"

skip() {
  if [[ -n "${CI:-}" && "$CI" != false && "${CONTAINER_CDS_SKIP:-}" != true ]]; then
    echo "[ERROR] cds-archive: $1, and under CI (CI=$CI) the image's archive is required" >&2
    exit 1
  fi
  echo "[WARNING] cds-archive: $1: the image carries no start-up archive and starts without one." >&2
  exit 0
}

[[ "${CONTAINER_CDS_SKIP:-}" == true ]] && skip "CONTAINER_CDS_SKIP=true"
command -v "$engine" >/dev/null || skip "$engine is not on PATH"
for tool in curl jq; do
  command -v "$tool" >/dev/null || skip "$tool is not on PATH"
done
"$engine" info >/dev/null 2>&1 || skip "$engine does not answer"

image="$(cat "$image_id_file")"
# Leave the engine as it was found: an image this script loaded goes when it ends.
loaded=false
"$engine" image inspect "$image" >/dev/null 2>&1 || loaded=true
"$engine" load --quiet --input "$image_tar" >/dev/null
# The image's own JVM flags: its entrypoint's words between java and -cp.
mapfile -t jvm_flags < <("$engine" image inspect --format '{{json .Config.Entrypoint}}' "$image" |
  jq -r '.[1:] | .[:index("-cp")] | .[]')

containers=()
cleanup() {
  for c in "${containers[@]}"; do
    "$engine" rm --force "$c" >/dev/null 2>&1 || true
  done
  if $loaded; then
    "$engine" rmi --force "$image" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# Training: the service as the image starts it, as its own user, up to its first answer on
# /runtime. No tmpfs on /tmp: the list is written to the container's own layer, so that it outlives
# the stop.
training="$("$engine" create --memory 512m --publish 127.0.0.1::8080 --entrypoint java "$image" \
  "${jvm_flags[@]}" -XX:DumpLoadedClassList=/tmp/app-classes.lst \
  -cp @/app/jib-classpath-file "$main_class")"
containers+=("$training")
"$engine" start "$training" >/dev/null
port="$("$engine" port "$training" 8080/tcp | head -n1 | sed 's/.*://')"
deadline=$((SECONDS + 180))
until curl -fs -o /dev/null "http://127.0.0.1:$port/runtime"; do
  ((SECONDS < deadline)) || { "$engine" logs "$training" >&2; skip "the training run did not answer within 180 s"; }
  [[ "$("$engine" inspect --format '{{.State.Running}}' "$training")" == true ]] ||
    { "$engine" logs "$training" >&2; echo "[ERROR] cds-archive: the training run exited" >&2; exit 1; }
  sleep 0.2
done
curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"
"$engine" stop --time 20 "$training" >/dev/null
classes="$(dirname "$out")/cds-classes.lst"
"$engine" cp "$training:/tmp/app-classes.lst" "$classes"
# One class a line, in a fixed order: the list the archive is made from does not depend on which
# thread loaded what first.
grep -v '^#' "$classes" | LC_ALL=C sort -u >"$classes.sorted"
mv "$classes.sorted" "$classes"

# The dump: the same image, flags and class path, the list copied in.
dump="$("$engine" create --memory 512m --entrypoint java "$image" "${jvm_flags[@]}" \
  -Xshare:dump -XX:SharedClassListFile=/tmp/app-classes.lst -XX:SharedArchiveFile=/tmp/app.jsa \
  -cp @/app/jib-classpath-file)"
containers+=("$dump")
"$engine" cp "$classes" "$dump:/tmp/app-classes.lst"
if ! "$engine" start --attach "$dump" >"$out.log" 2>&1; then
  cat "$out.log" >&2
  echo "[ERROR] cds-archive: -Xshare:dump failed" >&2
  exit 1
fi
"$engine" cp "$dump:/tmp/app.jsa" "$out/app.jsa"
chmod 0644 "$out/app.jsa"
echo "[INFO] cds-archive: $("$engine" run --rm --entrypoint java "$image" -version 2>&1 | head -n1 | tr -d '"')," \
  "$(wc -l <"$classes") classes: $out/app.jsa ($(du -h "$out/app.jsa" | cut -f1))"
