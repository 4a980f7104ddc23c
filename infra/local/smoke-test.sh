#!/usr/bin/env bash
# Drives the running system with curl through its single origin, as the README does. By default
# that is bin/run's (infra/local/system-test.sh starts and stops it around this script). The CI
# workflow's kind job points it at a cluster instead, with
#   SMOKE_SITE=http://localhost     the origin: the Ingress
#   SMOKE_NAMESPACE=ticketing       where the operator command runs and the metrics and logs are read
#                                   (kubectl, current context), as infra/k8s/README.md does by hand
set -euo pipefail
source "$(dirname "$0")/lib.sh"

site="${SMOKE_SITE:-http://localhost:3000}"
namespace="${SMOKE_NAMESPACE:-}"
# An image's JAVA_TOOL_OPTIONS makes the JVM print one plain line before the service logs.
first_app_line() { awk '!/^Picked up JAVA_TOOL_OPTIONS:/ && !done { print; done = 1 }'; }
if [ -n "$namespace" ]; then
  # The README's `kubectl exec` with a small heap, beside the service in its memory limit.
  roles() { kubectl exec -n "$namespace" deploy/auth-service -- java -Xmx128m -jar application.jar roles "$@"; }
  # Actuator is not behind the Ingress; the API server's proxy reaches the Service.
  tickets_metrics() { kubectl get --raw "/api/v1/namespaces/$namespace/services/tickets-service:http/proxy/actuator/prometheus"; }
  first_auth_log_line() {
    kubectl logs -n "$namespace" deploy/auth-service | first_app_line
  }
else
  roles() { "$ROOT/bin/roles" "$@"; }
  # Whichever instance of tickets-service took the request relays it (bin/run --scaled runs two).
  tickets_metrics() {
    local port
    for port in $(awk '$1 ~ /^tickets-service(-[0-9]+)?$/ { print $2 }' "$RUN_DIR/instances" 2>/dev/null || echo 8082); do
      curl -s "http://localhost:$port/actuator/prometheus"
    done
  }
  first_auth_log_line() { first_app_line <"$RUN_DIR/logs/auth-service.log"; }
fi

passed=0
failed=0
check() { # check <description> <expected> <actual>
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1)); printf '  ok    %s\n' "$1"
  else
    failed=$((failed + 1)); printf '  FAIL  %s: expected %s, got %s\n' "$1" "$2" "$3"
  fi
}

jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
say "smoke test: the README's curl commands"

email="smoke-$(date +%s%N)@example.com"
body="{\"email\":\"$email\",\"password\":\"correct horse\"}"
auth=$site/api/users

status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' -d "$body" "$auth/signup")
check "signup answers 201" 201 "$status"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' -d "$body" "$auth/signin")
check "signin answers 200" 200 "$status"
current=$(curl -s -b "$jar" "$auth/currentuser")
check "currentuser names the signed-in user" yes "$(grep -q "\"email\":\"$email\"" <<<"$current" && echo yes || echo "no ($current)")"
# The README's bin/roles (in a cluster, its kubectl exec): a role granted by the operator is in
# the session from the next refresh on.
granted=$(roles grant door "$email" 2>&1) || true
check "bin/roles grants a role" yes "$(grep -q "^granted door to $email;" <<<"$granted" && echo yes || echo "no ($granted)")"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -X POST "$auth/refresh")
check "refresh answers 200" 200 "$status"
current=$(curl -s -b "$jar" "$auth/currentuser")
check "currentuser shows the role granted" yes "$(grep -q '"roles":\["door"\]' <<<"$current" && echo yes || echo "no ($current)")"
status=0
roles grant door "nobody-$email" 2>/dev/null || status=$?
check "bin/roles refuses an unknown email with exit status 2" 2 "$status"

tickets=$site/api/tickets
word="smoke$(date +%s%N)"
ticket=$(curl -s -b "$jar" -H 'Content-Type: application/json' -H "Origin: $site" \
  -d "{\"title\":\"$word floor standing\",\"price\":12500,\"currency\":\"EUR\"}" -w '\n%{http_code}' "$tickets")
check "listing a ticket with the session cookie answers 201" 201 "$(tail -n 1 <<<"$ticket")"
id=$(head -n 1 <<<"$ticket" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p')
status=$(curl -s -o /dev/null -w '%{http_code}' "$tickets/$id")
check "the ticket can be read" 200 "$status"
found=$(curl -s "$tickets?q=$word")
check "browsing finds it by title" yes "$(grep -q "\"totalItems\":1" <<<"$found" && echo yes || echo "no ($found)")"
published=no
for _ in $(seq 1 60); do
  # grep reads all of it: under pipefail, quitting at the match would fail the fetch.
  if tickets_metrics 2>/dev/null | grep '^ticketing_outbox_published_total.* [1-9]' >/dev/null; then
    published=yes; break
  fi
  sleep 0.5
done
check "its ticket.created event reached JetStream (outbox relay's PubAck)" yes "$published"

# A buyer orders it once orders-service's replica has the ticket, which reserves it in
# tickets-service; cancelling releases it again.
buyer_jar="$(mktemp)"
curl -s -o /dev/null -c "$buyer_jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"buyer-$email\",\"password\":\"correct horse\"}" "$auth/signup"
orders=$site/api/orders
order_status=none
for _ in $(seq 1 60); do
  order=$(curl -s -b "$buyer_jar" -H 'Content-Type: application/json' -H "Origin: $site" \
    -d "{\"ticketId\":\"$id\"}" -w '\n%{http_code}' "$orders")
  order_status=$(tail -n 1 <<<"$order")
  [ "$order_status" = 404 ] || break
  sleep 0.5
done
check "ordering the ticket answers 201" 201 "$order_status"
order_id=$(head -n 1 <<<"$order" | sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p')
ticket_becomes() { # ticket_becomes <status>: polls tickets-service for up to 30 s
  for _ in $(seq 1 60); do
    curl -s "$tickets/$id" | grep -q "\"status\":\"$1\"" && { echo yes; return; }
    sleep 0.5
  done
  echo no
}
check "the order reserves the ticket in tickets-service" yes "$(ticket_becomes reserved)"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$buyer_jar" -H "Origin: $site" -X DELETE "$orders/$order_id")
check "cancelling the order answers 204" 204 "$status"
check "the cancellation releases the ticket" yes "$(ticket_becomes available)"

# The buyer orders it again and pays: a declined card changes nothing, a good one completes the
# order and sells the ticket, and paying twice is refused.
for _ in $(seq 1 60); do
  order=$(curl -s -b "$buyer_jar" -H 'Content-Type: application/json' -H "Origin: $site" \
    -d "{\"ticketId\":\"$id\"}" -w '\n%{http_code}' "$orders")
  order_status=$(tail -n 1 <<<"$order")
  [ "$order_status" = 409 ] || break
  sleep 0.5
done
check "ordering the released ticket again answers 201" 201 "$order_status"
order_id=$(head -n 1 <<<"$order" | sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p')
payments=$site/api/payments
pay() { # pay <payment method>: the HTTP status, retried while payments' replica lacks the order
  local code
  for _ in $(seq 1 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$buyer_jar" -H 'Content-Type: application/json' \
      -H "Origin: $site" -d "{\"orderId\":\"$order_id\",\"paymentMethod\":\"$1\"}" "$payments")
    [ "$code" = 404 ] || break
    sleep 0.5
  done
  echo "$code"
}
check "a declined card answers 402" 402 "$(pay pm_card_chargeDeclined)"
check "the order is still created" yes \
  "$(curl -s -b "$buyer_jar" "$orders/$order_id" | grep -q '"status":"created"' && echo yes || echo no)"
check "paying with a good card answers 201" 201 "$(pay pm_card_visa)"
order_becomes() { # order_becomes <status>: polls orders-service for up to 30 s
  for _ in $(seq 1 60); do
    curl -s -b "$buyer_jar" "$orders/$order_id" | grep -q "\"status\":\"$1\"" && { echo yes; return; }
    sleep 0.5
  done
  echo no
}
check "the payment completes the order" yes "$(order_becomes complete)"
check "and sells the ticket" yes "$(ticket_becomes sold)"
check "paying again answers 409" 409 "$(pay pm_card_visa)"
rm -f "$buyer_jar"

status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -X POST "$auth/signout")
check "signout answers 204" 204 "$status"
logline=$(first_auth_log_line || true)
check "logs are JSON lines" yes "$(grep -q '^{"@timestamp"' <<<"$logline" && echo yes || echo "no ($logline)")"

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
