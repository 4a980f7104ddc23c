#!/usr/bin/env bash
# bin/run --scaled checked from outside, on the test databases: the three NATS servers agree on a
# JetStream meta leader and hold a copy of every stream (three replicas each); requests through
# http://localhost:3000 reach both instances of every service and of the storefront; the smoke
# test (the README's curl commands) passes through it; an instance killed with SIGKILL is routed
# around and, started again with bin/instance, takes requests again. Stops the system at the end.
# Run by bin/test (step 5) before the fault test, on the test databases; about 4 minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export TICKETING_DB_SUFFIX=_test
began=$(date +%s)
trap '"$ROOT/bin/stop"' EXIT
say "scaled test: starting the system with bin/run --scaled --detach"
"$ROOT/bin/run" --scaled --detach
started=$(date +%s)

passed=0
failed=0
check() { # check <description> <expected> <actual>
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1)); printf '  ok    %s\n' "$1"
  else
    failed=$((failed + 1)); printf '  FAIL  %s: expected %s, got %s\n' "$1" "$2" "$3"
  fi
}
site=http://localhost:3000
services=(auth-service tickets-service orders-service payments-service)

say "scaled test: the NATS cluster"
check "the three servers agree on a JetStream meta leader" yes "$([ -n "$(nats_cluster_leader)" ] && echo yes || echo no)"
# Each server's /jsz lists the streams it holds a copy of, with their configuration and cluster;
# only the stream's leader knows whether the other copies are current (it lists the two others).
copies() { # copies <stream>: "<servers holding a copy>/<replicas configured>/<copies current>"
  local i held=0 view leader=none
  for i in 1 2 3; do
    view="$(curl -fs "http://127.0.0.1:823$i/jsz?streams=true&config=true" | node -e '
      let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
        const streams = JSON.parse(text).account_details?.flatMap((a) => a.stream_detail ?? []) ?? [];
        const s = streams.find((s) => s.name === process.argv[1]);
        if (!s) return console.log("none");
        const replicas = s.cluster?.replicas ?? [];
        const leads = s.cluster?.leader && !replicas.some((r) => r.name === s.cluster.leader);
        console.log(`${leads ? "leader" : "follower"} ${s.config?.num_replicas}/${1 + replicas.filter((r) => r.current).length}`);
      });' "$1" || echo none)"
    [ "$view" = none ] || held=$((held + 1))
    [ "${view%% *}" != leader ] || leader="${view#* }"
  done
  echo "$held/$leader"
}
for stream in TICKETS ORDERS PAYMENTS DEAD_LETTERS; do
  result=""
  for _ in $(seq 1 40); do
    result="$(copies "$stream")"
    [ "$result" = 3/3/3 ] && break
    sleep 0.5
  done
  check "stream $stream: a copy on each of the 3 servers, 3 replicas configured, 3 current" 3/3/3 "$result"
done

# Requests a service has answered, by its own count (Micrometer's http.server.requests), not
# counting the Actuator's.
answered() { # answered <port>
  curl -fs "http://127.0.0.1:$1/actuator/prometheus" |
    awk '/^http_server_requests_seconds_count\{/ && $0 !~ /uri="\/actuator/ { sum += $NF } END { printf "%d\n", sum }'
}
declare -A before
record() { # each instance's count now, in before[<port>]
  local service each
  for service in "${services[@]}"; do
    for each in "$(port_of "$service")" "$(port_of "$service-2")"; do before[$each]="$(answered "$each")"; done
  done
}
port_of() { awk -v name="$1" '$1 == name { print $2 }' "$RUN_DIR/instances"; }

say "scaled test: the smoke test through :3000"
record
access_lines=$(wc -l <"$RUN_DIR/logs/origin-access.log")
smoke=ok
"$ROOT/infra/local/smoke-test.sh" || smoke=failed
check "the smoke test passes through the origin" ok "$smoke"
# A few reads of each service's routes and of the pages, so that each instance's share is certain
# (round-robin: of any four requests, two go to each instance).
for _ in 1 2 3 4; do
  for path in /api/users/currentuser /api/tickets /api/orders /api/payments/earnings / /healthz; do
    curl -s -o /dev/null "$site$path"
  done
done
for service in "${services[@]}"; do
  for instance in "$service" "$service-2"; do
    port="$(port_of "$instance")"
    now="$(answered "$port")"
    check "$instance (:$port) answered requests that came through :3000" yes \
      "$([ "$now" -gt "${before[$port]}" ] && echo yes || echo "no ($((now - before[$port])))")"
  done
done
# The storefronts keep no count of their own: the origin's access log names the instance.
for instance in client client-2; do
  port="$(port_of "$instance")"
  hits=$(tail -n +"$((access_lines + 1))" "$RUN_DIR/logs/origin-access.log" | awk -v addr="127.0.0.1:$port" '$5 == addr' | wc -l)
  check "$instance (:$port) served pages that came through :3000" yes "$([ "$hits" -gt 0 ] && echo yes || echo "no ($hits)")"
done

say "scaled test: an instance killed, routed around, started again"
"$ROOT/bin/instance" kill tickets-service-2
statuses=""
for _ in $(seq 1 10); do statuses+="$(curl -s -o /dev/null -w '%{http_code}' "$site/api/tickets") "; done
check "with tickets-service-2 killed every GET /api/tickets through :3000 answers 200" \
  "200 200 200 200 200 200 200 200 200 200 " "$statuses"
"$ROOT/bin/instance" start tickets-service-2
port="$(port_of tickets-service-2)"
record
# Past the 5 s the origin skips an instance that failed, the restarted one gets its turns again.
served=no
for _ in $(seq 1 40); do
  curl -s -o /dev/null "$site/api/tickets"
  [ "$(answered "$port")" -gt "${before[$port]}" ] && { served=yes; break; }
  sleep 0.5
done
check "tickets-service-2, started again with bin/instance, answers requests through :3000" yes "$served"
check "bin/instance status shows every instance ready" 0 \
  "$("$ROOT/bin/instance" status | awk '$3 != "ready"' | wc -l)"

finished=$(date +%s)
echo "scaled: $passed passed, $failed failed (start $((started - began)) s, checks $((finished - started)) s)"
[ "$failed" -eq 0 ]
