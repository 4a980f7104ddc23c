#!/usr/bin/env bash
# The fault test: bin/run --scaled (two instances of everything, a three-node JetStream cluster)
# on a PostgreSQL of its own, under a bounded purchase workload (client/faults/workload.test.ts:
# sign-ups, listings, orders, payments, resales, check-ins, cancels, pages), while in turn
#   - one instance of each service and of the storefront is killed with SIGKILL and started again;
#   - one NATS node is killed and started again, then the node leading the ORDERS stream;
#   - PostgreSQL is stopped at once (pg_ctl -m immediate, as a crash) and started again;
#   - every instance gets a rolling restart (bin/instance restart: out of the origin's rotation,
#     SIGTERM, start, ready, back in).
# Then it checks, from the databases and the workload's record of every request: no ticket with
# two active orders; every acknowledged payment present; every completed order's ticket sold to
# it with exactly one admitting pass; replicas agree with their sources; every outbox row sent;
# no event applied twice or given up on; the ledger balances; no request failed during the
# rolling restarts; failures only inside fault windows, and those 503 problem+json with
# Retry-After, never 500. Prints `faults: N passed, M failed`; exit status 1 on any failure.
#
# Its PostgreSQL is a cluster of its own (initdb under /tmp, port 5442), so stopping it stops
# nothing else on the machine; DB_PORT points bin/run, bin/roles and the services at it.
# FAULTS=<words> runs only some of the faults (see window below).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_node
ensure_client_dependencies
began=$(date +%s)
work="$RUN_DIR/faults"
rm -rf "$work"
mkdir -p "$work"

# --- a PostgreSQL of its own -----------------------------------------------------------------
export DB_PORT=5442
PG_PORT=$DB_PORT
! port_open "$DB_PORT" || die "port $DB_PORT is in use: the fault test runs its own PostgreSQL there"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$pg_bin/initdb" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"
pg_home="$(mktemp -d /tmp/ticketing-faults-pg.XXXXXX)"
# initdb and the server refuse to run as root: as root they run as the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -ne 0 ] || chown postgres: "$pg_home"
pg_ctl_() { as_pg "$pg_bin/pg_ctl" -D "$pg_home/data" -l "$pg_home/server.log" "$@"; }

workload=""
cleanup() {
  # A workload left running (this script cut off) would go on writing into the next run's record.
  [ -z "$workload" ] || kill -TERM -- "-$workload" 2>/dev/null || true
  "$ROOT/bin/stop" --quiet || true
  pg_ctl_ stop -m fast >/dev/null 2>&1 || true
  cp "$pg_home/server.log" "$RUN_DIR/logs/faults-postgres.log" 2>/dev/null || true
  rm -rf "$pg_home"
}
trap cleanup EXIT

say "fault test: a PostgreSQL of its own on :$DB_PORT ($pg_home)"
as_pg "$pg_bin/initdb" -D "$pg_home/data" -U postgres --auth=trust -E UTF8 --no-sync >"$pg_home/initdb.log"
cat >>"$pg_home/data/postgresql.conf" <<CONF
port = $DB_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg_home'
max_connections = 200
CONF
pg_ctl_ -w start >/dev/null
psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE faults_checks"
psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d faults_checks -qc "CREATE EXTENSION dblink"

# --- the scaled system, and the workload ----------------------------------------------------
export TICKETING_DB_SUFFIX=""
# New databases, so new streams too: events of an earlier run in the cluster's stores would meet
# databases that never heard of their tickets and orders.
"$ROOT/bin/stop" --quiet
rm -rf "$RUN_DIR/nats-cluster"
say "fault test: starting the system with bin/run --scaled --detach"
"$ROOT/bin/run" --scaled --detach
started=$(date +%s)

export FAULTS_STOP="$work/stop" FAULTS_WINDOWS="$work/windows.jsonl" FAULTS_RESULTS="$work/results.tsv" \
  FAULTS_REQUESTS="$work/requests.jsonl"
: >"$FAULTS_WINDOWS"
say "fault test: the workload (client/faults; log: .run/faults/workload.log)"
# In a process group of its own (setsid), so that it and its children can be stopped together.
setsid npm --prefix "$ROOT/client" run --silent test:faults >"$work/workload.log" 2>&1 &
workload=$!
wait_for 120 "the workload" test -f "$FAULTS_STOP.ready"
sleep 10

now_ms() { date +%s%3N; }
# window <kind> <name> <grace seconds> <command...>: runs the command as one fault window, which
# ends <grace> seconds after it returned (the time the system is given to have recovered).
# FAULTS=<words> runs only the windows whose names contain one of them (FAULTS=rolling, to work on
# one); bin/test runs them all.
window() {
  local kind="$1" name="$2" grace="$3" start word chosen=no
  shift 3
  for word in ${FAULTS:-}; do [[ "$name" != *"$word"* ]] || chosen=yes; done
  [ -z "${FAULTS:-}" ] || [ "$chosen" = yes ] || return 0
  say "fault test: $name"
  start=$(now_ms)
  "$@"
  sleep "$grace"
  printf '{"name":"%s","kind":"%s","start":%s,"end":%s}\n' "$name" "$kind" "$start" "$(now_ms)" >>"$FAULTS_WINDOWS"
  sleep 5
}
kill_and_start() { "$ROOT/bin/instance" kill "$1" && "$ROOT/bin/instance" start "$1"; }
# The node that leads <stream>'s replicas, by any node's account of it.
stream_leader() {
  local i leader
  for i in 1 2 3; do
    leader="$(curl -fs --max-time 2 "http://127.0.0.1:823$i/jsz?streams=true" | node -e '
      let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
        const streams = JSON.parse(text).account_details?.flatMap((a) => a.stream_detail ?? []) ?? [];
        const leader = streams.find((s) => s.name === process.argv[1])?.cluster?.leader;
        if (leader) console.log(leader);
      });' "$1" || true)"
    [ -z "$leader" ] || { echo "$leader"; return 0; }
  done
}
kill_pause_start() { "$ROOT/bin/instance" kill "$1" && sleep 5 && "$ROOT/bin/instance" start "$1"; }
postgres_crash() {
  pg_ctl_ stop -m immediate >/dev/null
  sleep 5
  pg_ctl_ -w start >/dev/null
}
rolling_restart() {
  local instance
  for instance in auth-service auth-service-2 tickets-service tickets-service-2 orders-service \
    orders-service-2 payments-service payments-service-2 client client-2; do
    "$ROOT/bin/instance" restart "$instance"
  done
}

faults_began=$(date +%s)
window fault "auth-service killed and started" 5 kill_and_start auth-service
window fault "tickets-service-2 killed and started" 5 kill_and_start tickets-service-2
window fault "orders-service killed and started" 5 kill_and_start orders-service
window fault "payments-service-2 killed and started" 5 kill_and_start payments-service-2
window fault "client (the storefront) killed and started" 5 kill_and_start client
leader="$(stream_leader ORDERS)"
follower="n1"
[ "$leader" != n1 ] || follower=n2
window fault "NATS node $follower killed and started" 5 kill_pause_start "nats-$follower"
leader="$(stream_leader ORDERS)"
[ -n "$leader" ] || die "no node leads the ORDERS stream"
window fault "NATS node $leader, the ORDERS stream's leader, killed and started" 5 kill_pause_start "nats-$leader"
window fault "PostgreSQL stopped at once and started" 10 postgres_crash
window rolling "the rolling restart of every instance" 0 rolling_restart
faults_ended=$(date +%s)

say "fault test: stopping the workload (it finishes the flows it is in)"
touch "$FAULTS_STOP"
workload_status=0
wait "$workload" || workload_status=$?
workload=""
workload_ended=$(date +%s)
grep -E 'workload: [0-9]+ flows' "$work/workload.log" || tail -n 40 "$work/workload.log"

# --- the checks --------------------------------------------------------------------------------
passed=0
failed=0
check() { # check <description> <expected> <actual>
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1)); printf '  ok    %s\n' "$1"
  else
    failed=$((failed + 1)); printf '  FAIL  %s: expected %s, got %s\n' "$1" "$2" "$3"
  fi
}
check "the workload ran to its end" 0 "$workload_status"
if [ -f "$FAULTS_RESULTS" ]; then
  while IFS=$'\t' read -r verdict text; do
    check "$text" ok "$verdict"
  done <"$FAULTS_RESULTS"
fi

sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "${2:-faults_checks}" -tAqc "$1"; }
# Each service's tables, seen from faults_checks through dblink.
remote() { # remote <view> <database> <query> <columns>
  sql "CREATE OR REPLACE VIEW $1 AS SELECT * FROM dblink('host=127.0.0.1 port=$PG_PORT user=postgres dbname=$2', \$q\$$3\$q\$) AS t($4)"
}
remote tickets ticketing_tickets "SELECT id, status, order_id, version, price FROM tickets" \
  "id uuid, status text, order_id uuid, version bigint, price bigint"
remote passes ticketing_tickets "SELECT id, ticket_id, origin_id, order_id, status FROM passes" \
  "id uuid, ticket_id uuid, origin_id uuid, order_id uuid, status text"
remote order_states ticketing_tickets "SELECT id, ticket_id, status, version FROM order_states" \
  "id uuid, ticket_id uuid, status text, version bigint"
remote orders ticketing_orders "SELECT id, user_id, ticket_id, status, version FROM orders" \
  "id uuid, user_id uuid, ticket_id uuid, status text, version bigint"
remote ticket_replicas ticketing_orders "SELECT id, status, order_id, version, price FROM ticket_replicas" \
  "id uuid, status text, order_id uuid, version bigint, price bigint"
remote order_replicas ticketing_payments "SELECT id, user_id, ticket_id, status, version FROM order_replicas" \
  "id uuid, user_id uuid, ticket_id uuid, status text, version bigint"
remote payments ticketing_payments "SELECT id, order_id, status FROM payments" "id uuid, order_id uuid, status text"
remote journals ticketing_payments "SELECT id, kind, reference FROM ledger_journals" "id uuid, kind text, reference uuid"
remote entries ticketing_payments "SELECT journal_id, currency, amount FROM ledger_entries" \
  "journal_id uuid, currency text, amount bigint"

unsent() { # rows of the service's outbox not yet published
  sql "SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL" "$1"
}
disagreeing() { # replicas that differ from their sources
  sql "SELECT
    (SELECT count(*) FROM tickets s FULL JOIN ticket_replicas r USING (id)
      WHERE (s.status, s.order_id, s.version, s.price) IS DISTINCT FROM (r.status, r.order_id, r.version, r.price))
  + (SELECT count(*) FROM orders s FULL JOIN order_replicas r USING (id)
      WHERE (s.user_id, s.ticket_id, s.status, s.version) IS DISTINCT FROM (r.user_id, r.ticket_id, r.status, r.version))
  + (SELECT count(*) FROM orders s FULL JOIN order_states r USING (id)
      WHERE (s.ticket_id, s.status, s.version) IS DISTINCT FROM (r.ticket_id, r.status, r.version))"
}
# The services that publish (auth-service has no outbox).
databases=(ticketing_tickets ticketing_orders ticketing_payments)
settled() {
  local db
  for db in "${databases[@]}"; do [ "$(unsent "$db")" = 0 ] || return 1; done
  [ "$(disagreeing)" = 0 ]
}
say "fault test: waiting (up to 120 s) for every outbox to empty and every replica to catch up"
for _ in $(seq 1 240); do settled && break; sleep 0.5; done
settled_at=$(date +%s)

say "fault test: the checks"
for db in "${databases[@]}"; do check "every outbox row of $db is sent" 0 "$(unsent "$db")"; done
check "the replicas agree with their sources (orders' tickets, payments' and tickets' orders)" 0 "$(disagreeing)"
check "no ticket has two active orders" 0 \
  "$(sql "SELECT count(*) FROM (SELECT ticket_id FROM orders WHERE status IN ('created', 'complete') GROUP BY 1 HAVING count(*) > 1) x")"
check "every reserved or sold ticket is held by an active order of its own" 0 \
  "$(sql "SELECT count(*) FROM tickets t LEFT JOIN orders o ON o.id = t.order_id
          WHERE t.status IN ('reserved', 'sold') AND (o.id IS NULL OR o.ticket_id <> t.id OR o.status = 'cancelled')")"
check "every completed order's ticket is sold to it" 0 \
  "$(sql "SELECT count(*) FROM orders o LEFT JOIN tickets t ON t.id = o.ticket_id
          WHERE o.status = 'complete' AND (t.status IS DISTINCT FROM 'sold' OR t.order_id IS DISTINCT FROM o.id)")"
check "every completed order has exactly one pass, and no other order has one" 0 \
  "$(sql "SELECT (SELECT count(*) FROM orders o WHERE o.status = 'complete' AND (SELECT count(*) FROM passes p WHERE p.order_id = o.id) <> 1)
              + (SELECT count(*) FROM passes p LEFT JOIN orders o ON o.id = p.order_id WHERE o.status IS DISTINCT FROM 'complete')")"
check "every ticket sold (with its resales) has exactly one admitting pass (valid, listed or used)" 0 \
  "$(sql "SELECT count(*) FROM (SELECT origin_id FROM passes GROUP BY 1 HAVING count(*) FILTER (WHERE status <> 'void') <> 1) x")"
acknowledged="$(node -e 'const t = require(process.argv[1]); console.log(t.acknowledged.map((a) => `(${"\x27"}${a.payment}${"\x27"}::uuid,${"\x27"}${a.order}${"\x27"}::uuid)`).join(",") || "(NULL::uuid,NULL::uuid)")' "$FAULTS_RESULTS.json" 2>/dev/null || echo "(NULL::uuid,NULL::uuid)")"
check "every payment acknowledged with 201 is in payments-service's database, for its order" 0 \
  "$(sql "SELECT count(*) FROM (VALUES $acknowledged) AS a(payment, order_id)
          WHERE a.payment IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.id = a.payment AND p.order_id = a.order_id)")"
check "every completed order has one succeeded payment, and every succeeded payment a completed order" 0 \
  "$(sql "SELECT (SELECT count(*) FROM orders o WHERE o.status = 'complete' AND (SELECT count(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded') <> 1)
              + (SELECT count(*) FROM payments p LEFT JOIN orders o ON o.id = p.order_id WHERE p.status = 'succeeded' AND o.status IS DISTINCT FROM 'complete')")"
check "no event applied twice: every payment has exactly one charge in the ledger" 0 \
  "$(sql "SELECT count(*) FROM payments p WHERE (SELECT count(*) FROM journals j WHERE j.kind = 'charge' AND j.reference = p.id) <> 1")"
check "the ledger balances: every journal's entries sum to 0" 0 \
  "$(sql "SELECT count(*) FROM (SELECT journal_id FROM entries GROUP BY 1 HAVING sum(amount) <> 0) x")"
check "the ledger balances: every currency's entries sum to 0" 0 \
  "$(sql "SELECT count(*) FROM (SELECT currency FROM entries GROUP BY 1 HAVING sum(amount) <> 0) x")"
dead_letters="$(curl -fs "http://127.0.0.1:8231/jsz?streams=true" | node -e '
  let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
    const streams = JSON.parse(text).account_details?.flatMap((a) => a.stream_detail ?? []) ?? [];
    console.log(streams.find((s) => s.name === "DEAD_LETTERS")?.state?.messages ?? "no DEAD_LETTERS stream");
  });' || echo "n1 did not answer")"
check "no event was given up on (DEAD_LETTERS is empty)" 0 "$dead_letters"
check "every instance is ready at the end" 0 "$("$ROOT/bin/instance" status | awk '$3 != "ready"' | wc -l)"

finished=$(date +%s)
echo "faults figures: start $((started - began)) s, faults $((faults_ended - faults_began)) s, workload wind-down $((workload_ended - faults_ended)) s, settling $((settled_at - workload_ended)) s, total $((finished - began)) s"
echo "faults: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
