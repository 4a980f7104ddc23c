#!/usr/bin/env bash
# Builds the five images with podman from their Dockerfiles, as they are: ./Dockerfile once per
# Java service (--build-arg SERVICE=<module>) and client/Dockerfile, each tagged localhost/<name>,
# the name the Kubernetes manifests give it. The base images are local stand-ins for the public ones
# (infra/containers/lib.sh); Maven's and npm's downloads stay in the Dockerfiles' cache mounts.
#
# Usage: infra/containers/build.sh [image...]   images: auth-service tickets-service
#        orders-service payments-service client; none = all five.
set -euo pipefail
source "$(dirname "$0")/../local/lib.sh"
source "$ROOT/infra/containers/lib.sh"

images=()
for arg in "$@"; do
  case " ${IMAGES[*]} " in
    *" $arg "*) images+=("$arg") ;;
    *) die "unknown image '$arg' (images: ${IMAGES[*]})" ;;
  esac
done
[ "${#images[@]}" -gt 0 ] || images=("${IMAGES[@]}")

use_jdk25
ensure_node
ensure_podman
ensure_base_images

mkdir -p "$RUN_DIR/logs"
for name in "${images[@]}"; do
  log="$RUN_DIR/logs/image-$name.log"
  started=$SECONDS
  say "building the image $name with podman (log: .run/logs/image-$name.log)"
  if [ "$name" = client ]; then
    args=(--build-arg NODE_IMAGE="$NODE_IMAGE" "$ROOT/client")
  else
    args=(--build-arg SERVICE="$name" --build-arg JDK_IMAGE="$JDK_IMAGE" --build-arg JRE_IMAGE="$JRE_IMAGE" "$ROOT")
  fi
  podman build --format docker --network=host --layers -t "localhost/$name" "${args[@]}" >"$log" 2>&1 || {
    tail -n 40 "$log" >&2
    die "the image $name did not build (log: .run/logs/image-$name.log)"
  }
  size="$(podman image inspect --format '{{.Size}}' "localhost/$name")"
  printf '    %-17s %4d MB, built in %d s\n' "$name" $((size / 1000000)) $((SECONDS - started)) >&2
done
# Each build leaves its first stage behind, untagged: a later build of the same sources reuses it.
# Those of builds more than a day old go; Maven's and npm's downloads stay in the cache mounts.
podman image prune --force --filter until=24h >/dev/null
