#!/usr/bin/env bash
# Checks each image of the system that bin/run --images started (infra/containers/system-test.sh
# runs it): the container has its pod's environment and runs as the image's non-root user, with a
# read-only root filesystem, as the manifests require; it passes its own HEALTHCHECK; the image
# holds no build tools, sources or build-only packages; and its size is reported.
set -euo pipefail
source "$(dirname "$0")/../local/lib.sh"
source "$ROOT/infra/containers/lib.sh"

passed=0
failed=0
check() { # check <description> <command...>
  local what="$1"
  shift
  if "$@"; then
    passed=$((passed + 1)); printf '  ok    %s\n' "$what"
  else
    failed=$((failed + 1)); printf '  FAIL  %s\n' "$what"
  fi
}
in_container() { podman exec "ticketing-$name" "$@"; }

# Anything that builds or installs software, for Java and for Node.js.
BUILD_TOOLS=(javac jar jlink jpackage jshell mvn mvnw npm npx yarn corepack gcc cc make git)
# Build-only packages of the client (its devDependencies), which the standalone server never loads.
BUILD_ONLY_PACKAGES=(typescript eslint vitest prettier @testing-library playwright-core)

say "image checks: the containers of bin/run --images"
for name in "${IMAGES[@]}"; do
  image="localhost/$name"
  user="$(podman image inspect --format '{{.Config.User}}' "$image")"
  uid="$(in_container id -u)"
  check "$name: the image's user ($user) is not root, and the container runs as it" \
    test -n "$user" -a "$user" != root -a "$user" != 0 -a "$uid" != 0 -a "$uid" = "$(in_container id -u "${user%%:*}")"
  missing="$(comm -23 <(python3 "$CONTAINERS_DIR/pod.py" "$IMAGES_DIR/manifests.yaml" "$name" --files /nonexistent --env-names | sort) \
    <(podman inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "ticketing-$name" | sed -n 's/=.*//p' | sort))"
  check "$name: it has every environment variable its pod has (${missing//$'\n'/ })" test -z "$missing"
  check "$name: its root filesystem is read-only" \
    test "$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "ticketing-$name")" = true
  check "$name: nothing can be written outside the pod's own volumes" \
    bash -c "! podman exec ticketing-$name sh -c 'echo x > /var/tmp/written' 2>/dev/null"
  check "$name: it has a HEALTHCHECK and passes it" \
    bash -c "[ -n \"\$(podman image inspect --format '{{.Config.Healthcheck}}' $image | grep -v '<nil>')\" ] && podman healthcheck run ticketing-$name >/dev/null"
  found="$(in_container sh -c "for tool in ${BUILD_TOOLS[*]}; do command -v \$tool; done" || true)"
  check "$name: no build tools (${found//$'\n'/ })" test -z "$found"
  if [ "$name" = client ]; then
    found="$(in_container sh -c "cd /app && for p in ${BUILD_ONLY_PACKAGES[*]}; do [ ! -e node_modules/\$p ] || echo \$p; done; ls -d src tsconfig.json package-lock.json 2>/dev/null" || true)"
  else
    found="$(in_container sh -c 'ls -d /workspace /root/.m2 /app/pom.xml /app/mvnw 2>/dev/null; find / -xdev -name "*.java" -print -quit 2>/dev/null' || true)"
  fi
  check "$name: no sources or build-only files (${found//$'\n'/ })" test -z "$found"
  size="$(podman image inspect --format '{{.Size}}' "$image")"
  printf '        %s is %d MB\n' "$name" $((size / 1000000))
done

echo "image checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
