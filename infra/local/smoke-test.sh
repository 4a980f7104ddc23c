#!/usr/bin/env bash
# Starts the system with the README's run command (on the test databases), drives it with curl as
# the README does, and stops it. Run by bin/test after the Java tests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

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
trap '"$ROOT/bin/stop"; rm -f "$jar"' EXIT
say "smoke test: bin/run --detach"
TICKETING_DB_SUFFIX=_test "$ROOT/bin/run" --detach

email="smoke-$(date +%s%N)@example.com"
body="{\"email\":\"$email\",\"password\":\"correct horse\"}"
auth=http://localhost:8081/api/users

status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' -d "$body" "$auth/signup")
check "signup answers 201" 201 "$status"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' -d "$body" "$auth/signin")
check "signin answers 200" 200 "$status"
current=$(curl -s -b "$jar" "$auth/currentuser")
check "currentuser names the signed-in user" yes "$(grep -q "\"email\":\"$email\"" <<<"$current" && echo yes || echo "no ($current)")"

tickets=http://localhost:8082/api/tickets
word="smoke$(date +%s%N)"
ticket=$(curl -s -b "$jar" -H 'Content-Type: application/json' -H 'Origin: http://localhost:3000' \
  -d "{\"title\":\"$word floor standing\",\"price\":12500,\"currency\":\"EUR\"}" -w '\n%{http_code}' "$tickets")
check "listing a ticket with the session cookie answers 201" 201 "$(tail -n 1 <<<"$ticket")"
id=$(head -n 1 <<<"$ticket" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p')
status=$(curl -s -o /dev/null -w '%{http_code}' "$tickets/$id")
check "the ticket can be read" 200 "$status"
found=$(curl -s "$tickets?q=$word")
check "browsing finds it by title" yes "$(grep -q "\"totalItems\":1" <<<"$found" && echo yes || echo "no ($found)")"
published=no
for _ in $(seq 1 60); do
  if curl -s http://localhost:8082/actuator/prometheus | grep -q '^ticketing_outbox_published_total.* [1-9]'; then
    published=yes; break
  fi
  sleep 0.5
done
check "its ticket.created event reached JetStream (outbox relay's PubAck)" yes "$published"

status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -X POST "$auth/signout")
check "signout answers 204" 204 "$status"
logline=$(head -n 1 "$RUN_DIR/logs/auth-service.log")
check "logs are JSON lines" yes "$(grep -q '^{"@timestamp"' <<<"$logline" && echo yes || echo "no ($logline)")"

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
