#!/usr/bin/env bash
# The alert rules against the running local system (bin/run, plain or --scaled): starts Prometheus
# as bin/run --observe does, from an empty data directory, waits until it scrapes every service
# instance, checks that no DeadLetter alert fires, publishes one malformed orders.v1.order.created
# message to NATS (its consumers, tickets-service and payments-service, set it aside at once), and
# waits for the DeadLetter alert to fire for it in /api/v1/alerts. Stops that Prometheus at the
# end. Run by infra/local/system-test.sh; about 12 s. NATS_PORT moves it to another server.
set -euo pipefail
source "$(dirname "$0")/../local/lib.sh"
# A Prometheus of its own beside the one bin/run --observe may have started.
export PROMETHEUS_NAME=prometheus-alert-check PROMETHEUS_PORT="${ALERT_CHECK_PROMETHEUS_PORT:-9091}"
source "$ROOT/infra/observability/observability.sh"
ensure_node # reads Prometheus' JSON answers

began=$(date +%s)
export PROMETHEUS_DATA="$RUN_DIR/alert-check/data"
rm -rf "$PROMETHEUS_DATA"
trap '[ ! -f "$RUN_DIR/$PROMETHEUS_NAME.pid" ] || stop_process "$RUN_DIR/$PROMETHEUS_NAME.pid" yes' EXIT
start_prometheus

passed=0
failed=0
check() { # check <description> <expected> <actual>
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1)); printf '  ok    %s\n' "$1"
  else
    failed=$((failed + 1)); printf '  FAIL  %s: expected %s, got %s\n' "$1" "$2" "$3"
  fi
}

# query <PromQL>: the value of the single result of an instant query, or "none".
query() {
  curl -fs --max-time 2 "$PROMETHEUS_URL/api/v1/query" --data-urlencode "query=$1" | node -e '
    let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
      const result = JSON.parse(text).data?.result ?? [];
      console.log(result.length === 1 ? result[0].value[1] : "none");
    });' 2>/dev/null || echo none
}

# The DeadLetter alerts firing for orders.v1.order.created, as "<application>/<consumer>" sorted.
firing_dead_letters() {
  curl -fs --max-time 2 "$PROMETHEUS_URL/api/v1/alerts" | node -e '
    let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
      const alerts = JSON.parse(text).data?.alerts ?? [];
      console.log(alerts
        .filter((a) => a.labels.alertname === "DeadLetter" && a.state === "firing" && a.labels.subject === "orders.v1.order.created")
        .map((a) => `${a.labels.application}/${a.labels.consumer}`)
        .sort().join(" ") || "none");
    });' 2>/dev/null || echo none
}

# await <seconds> <expected> <command...>: runs the command every half second until it prints the
# expected line; prints what it printed last.
await() {
  local seconds="$1" expected="$2" i value=""
  shift 2
  for ((i = 0; i < seconds * 2; i++)); do
    value="$("$@")"
    [ "$value" = "$expected" ] && break
    sleep 0.5
  done
  echo "$value"
}

targets=$(grep -cE '^(auth|tickets|orders|payments)-service(-2)? ' "$RUN_DIR/instances")
say "alert check: Prometheus on $PROMETHEUS_URL, waiting for its $targets targets"
check "Prometheus scrapes all $targets service instances" "$targets" "$(await 30 "$targets" query 'count(up == 1)')"
# Each consumer's dead-letter count scraped at least twice before the dead letter, so the
# one after it is an increase (the counter is registered at 0, MessagingMetrics).
baseline='min(count_over_time(ticketing_events_consumed_total{outcome="dead_lettered", subject="orders.v1.order.created"}[1m]) >= bool 2)'
check "the consumers' dead-letter counters are scraped" 1 "$(await 30 1 query "$baseline")"
check "no DeadLetter alert fires before the dead letter" none "$(firing_dead_letters)"

say "alert check: publishing a malformed orders.v1.order.created to NATS on :$NATS_PORT"
exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT"
body='{"alert-check": "not an event'
printf 'CONNECT {"verbose":false,"pedantic":false,"name":"alert-check"}\r\nPUB orders.v1.order.created %d\r\n%s\r\nPING\r\n' \
  "${#body}" "$body" >&3
pong=no
while IFS= read -r -t 5 line <&3; do
  case "$line" in PONG*) pong=yes; break ;; -ERR*) break ;; esac
done
exec 3>&-
check "NATS took the message" yes "$pong"
published=$(date +%s)

result="$(await 30 "payments-service/payments-service tickets-service/tickets-service" firing_dead_letters)"
check "DeadLetter fires for both consumers of orders.v1.order.created" \
  "payments-service/payments-service tickets-service/tickets-service" "$result"
fired=$(date +%s)

echo "alert check: $passed passed, $failed failed (alert firing $((fired - published)) s after the dead letter, $((fired - began)) s in all)"
[ "$failed" -eq 0 ]
