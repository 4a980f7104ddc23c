#!/usr/bin/env bash
# The system from its container images (bin/run --images), tested from outside: the image checks,
# the README's curl commands and the black-box API suite, all through http://localhost:3000, on
# databases of its own made afresh. Run by bin/test after the Java build; stops the system when done.
set -euo pipefail
source "$(dirname "$0")/../local/lib.sh"
source "$ROOT/infra/containers/lib.sh"

ensure_node
ensure_client_dependencies

# As in infra/local/system-test.sh: a 20 s hold, 30 s access tokens and a simulated charge of a
# second, merged into the services' ConfigMaps for this run (IMAGE_SETTINGS).
export ORDERS_HOLD_WINDOW=PT20S
export TICKETING_AUTH_ACCESS_TOKEN_TTL=PT30S
export PAYMENTS_SIMULATED_LATENCY=PT1S
# bin/roles (which the API suite runs) changes the databases the images run on.
export TICKETING_DB_SUFFIX="$IMAGES_DB_SUFFIX"

ensure_postgres
"$ROOT/bin/stop" --quiet
for service in auth tickets orders payments; do
  dropdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --if-exists --force "ticketing_$service$IMAGES_DB_SUFFIX"
done

trap '"$ROOT/bin/stop"' EXIT
say "image system tests: building the images and starting them with bin/run --images --detach"
started=$SECONDS
"$ROOT/bin/run" --images --detach
say "image system tests: the system was ready after $((SECONDS - started)) s"

failures=()
run_suite() { # run_suite <name> <command...>: runs every suite, remembers which failed
  local name="$1"
  shift
  say "image system tests: $name"
  "$@" || failures+=("$name")
}
run_suite "image checks" "$ROOT/infra/containers/image-test.sh"
run_suite "smoke test (README commands)" "$ROOT/infra/local/smoke-test.sh"
run_suite "black-box API suite (client/system)" npm --prefix "$ROOT/client" run --silent test:system
say "container logs: .run/logs/"

if [ "${#failures[@]}" -gt 0 ]; then
  printf 'image system tests failed: %s\n' "${failures[@]}" >&2
  exit 1
fi
