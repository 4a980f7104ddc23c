#!/usr/bin/env bash
# The system as bin/run --observe starts it (on the test databases), tested from outside: the
# README's curl commands, an alert firing in a Prometheus that scrapes it
# (infra/observability/alert-check.sh), the black-box API suite and the browser tests, all through
# http://localhost:3000, one purchase followed in the trace store (client/observe), then
# bin/bench --quick, which proves the benchmark itself works (its figures mean nothing here).
# Run by bin/test after the unit and integration tests; stops the system when it is done.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_node
ensure_chromium

# Settings that make the slow parts of a purchase observable in seconds: a 20 s hold to watch
# expire, 30 s access tokens to watch renew, and a simulated charge that takes a second, so a
# test can cancel an order while its payment is in flight.
export TICKETING_DB_SUFFIX=_test
export ORDERS_HOLD_WINDOW=PT20S
export TICKETING_AUTH_ACCESS_TOKEN_TTL=PT30S
export PAYMENTS_SIMULATED_LATENCY=PT1S

trap '"$ROOT/bin/stop"' EXIT
say "system tests: starting the system with bin/run --detach --observe"
"$ROOT/bin/run" --detach --observe

failures=()
run_suite() { # run_suite <name> <command...>: runs every suite, remembers which failed
  local name="$1"
  shift
  say "system tests: $name"
  "$@" || failures+=("$name")
}
run_suite "smoke test (README commands)" "$ROOT/infra/local/smoke-test.sh"
run_suite "live alert check (infra/observability/alert-check.sh)" "$ROOT/infra/observability/alert-check.sh"
run_suite "black-box API suite (client/system)" npm --prefix "$ROOT/client" run --silent test:system
run_suite "browser tests (client/e2e)" npm --prefix "$ROOT/client" run --silent test:e2e
run_suite "a purchase in the trace store (client/observe)" npm --prefix "$ROOT/client" run --silent test:observe
run_suite "the benchmark's own check (bin/bench --quick)" "$ROOT/bin/bench" --quick
say "browser screenshots: client/test-results/e2e/   logs: .run/logs/"

if [ "${#failures[@]}" -gt 0 ]; then
  printf 'system tests failed: %s\n' "${failures[@]}" >&2
  exit 1
fi
