# bin/bench's parts: the databases, the system, accounts, seeded tickets, the event fan-out, the
# load runs and what the processes spent. Sourced by bin/bench after infra/local/lib.sh, with its
# settings (sizes, WORK, BENCH_DIR) set; not executed.

began="$(date +%s)"
step() { say "[$(($(date +%s) - began)) s] $*"; }
problems=()
problem() { problems+=("$*"); printf 'problem: %s\n' "$*" >&2; }

# --- the databases -----------------------------------------------------------------------------

db() { printf 'ticketing_%s%s' "$1" "$TICKETING_DB_SUFFIX"; }
# Debian's psql is a Perl wrapper that picks a version on every call; the fan-out is polled twice a
# second, so the newest client binary is called directly where there is one.
PSQL="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)"
PSQL="${PSQL:-psql}"
pg() { "$PSQL" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; } # rows unaligned
admin() { pg -d postgres -c "$1"; } # admin <statement>: on the server's own database
# psql on one of the services' databases. Each call is counted: it commits there too (its
# connection's start and its statement), and the commits per order must not include the bench's.
psql_on() { # psql_on <database> <psql arguments...>
  local database="$1"
  shift
  echo "$database" >>"$WORK/own-calls"
  pg -d "$database" "$@"
}
sql() { psql_on "$(db "$1")" -c "$2"; } # sql <auth|tickets|orders|payments> <statement>

commits() { # "<auth> <tickets> <orders> <payments>" commits so far
  local names="'$(db auth)','$(db tickets)','$(db orders)','$(db payments)'"
  admin "SELECT string_agg(xact_commit::text, ' ' ORDER BY array_position(ARRAY[$names]::name[], datname))
    FROM pg_stat_database WHERE datname IN ($names)"
}
own_calls() { # own_calls: "<auth> <tickets> <orders> <payments>" psql calls of the bench so far
  local svc out=""
  for svc in auth tickets orders payments; do
    out+="$(grep -cx "$(db "$svc")" "$WORK/own-calls" || true) "
  done
  echo "${out% }"
}

# --- the system --------------------------------------------------------------------------------

answers() { curl -fs -o /dev/null --max-time 5 "$1"; }
pid_of() { # pid_of <name> <port>: the process listening on the port (bin/run's pid file first)
  local pidfile="$RUN_DIR/$1.pid" pid
  if [ -f "$pidfile" ] && pid="$(cat "$pidfile")" && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
    return
  fi
  ss -ltnpH "sport = :$2" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1
}

started_here=no
stop_system() { [ "$started_here" = no ] || "$ROOT/bin/stop"; }

ensure_system() {
  local entry name port up=() down=()
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port <<<"$entry"
    if port_open "$port"; then up+=("$name"); else down+=("$name"); fi
  done
  if [ "${#up[@]}" -eq 0 ]; then
    say "nothing runs on :3000 or :8081-8084: starting the system with bin/run --detach (stopped at the end)"
    started_here=yes
    "$ROOT/bin/run" --detach >&2
  elif [ "${#down[@]}" -gt 0 ]; then
    die "the system runs only in part (${down[*]} not listening); stop it with bin/stop or start it with bin/run --detach"
  fi
  answers "$TICKETS/actuator/health/readiness" && answers "$ORDERS/actuator/health/readiness" \
    || die "the system is not ready (readiness of tickets-service or orders-service)"
  # The seeded rows must land where the running services read: their JDBC connections say which.
  local svc
  for svc in auth tickets orders payments; do
    [ "$(admin "SELECT count(*) FROM pg_stat_activity
      WHERE datname = '$(db "$svc")' AND application_name LIKE 'PostgreSQL JDBC%'")" -gt 0 ] \
      || die "no service is connected to $(db "$svc"): run bin/bench with the TICKETING_DB_SUFFIX the system was started with (now '$TICKETING_DB_SUFFIX')"
  done
}

# --- accounts ----------------------------------------------------------------------------------

cookie() { sed -n "s/^[Ss]et-[Cc]ookie: $1=\([^;]*\).*/\1/p" <<<"$2" | tr -d '\r' | head -n 1; }
signup() { # signup <email>: "<id> <session JWT> <refresh token>"
  local out status
  out="$(curl -s -i --max-time 30 -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" "$AUTH/api/users/signup")"
  status="$(head -n 1 <<<"$out" | cut -d ' ' -f 2)"
  [ "$status" = 201 ] || die "signing up $1 answered ${status:-nothing}: $(tail -n 1 <<<"$out")"
  printf '%s %s %s\n' "$(tail -n 1 <<<"$out" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p')" \
    "$(cookie session "$out")" "$(cookie refresh "$out")"
}
refresh() { # refresh "<id> <session> <refresh>": the same line with a new session and refresh token
  local id session token out status
  read -r id session token <<<"$1"
  out="$(curl -s -i --max-time 30 -X POST -H "Cookie: refresh=$token" "$AUTH/api/users/refresh")"
  status="$(head -n 1 <<<"$out" | cut -d ' ' -f 2)"
  [ "$status" = 200 ] || die "refreshing the session of $id answered ${status:-nothing}"
  printf '%s %s %s\n' "$id" "$(cookie session "$out")" "$(cookie refresh "$out")"
}
in_parallel() { # in_parallel <function> <output file> <arguments...>: 4 at a time, lines in order
  local fn="$1" out="$2" i=0 running=0
  shift 2
  mkdir -p "$WORK/parts"
  rm -f "$WORK/parts/"*
  for arg in "$@"; do
    i=$((i + 1))
    "$fn" "$arg" >"$WORK/parts/$(printf '%06d' "$i")" &
    running=$((running + 1))
    if [ "$running" -ge 4 ]; then wait -n; running=$((running - 1)); fi
  done
  wait
  cat "$WORK/parts/"* >"$out"
  [ "$(wc -l <"$out")" -eq "$#" ] || die "$fn failed for some of its $# calls"
}
jwt_claim() { # jwt_claim <jwt> <numeric claim>
  local payload="${1#*.}"
  payload="$(tr '_-' '/+' <<<"${payload%%.*}")"
  while [ $((${#payload} % 4)) -ne 0 ]; do payload+="="; done
  base64 -d <<<"$payload" 2>/dev/null | sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p"
}

sessions_at=0
session_ttl=0
# Sessions valid for the next <seconds>: the access tokens' lifetime is the system's setting
# (bin/test's system runs with 30 s), so they are refreshed, never assumed.
fresh_sessions() { # fresh_sessions <seconds>: at most two thirds of the lifetime can be asked for
  local need="$1"
  [ "$need" -le $((session_ttl * 2 / 3)) ] || need=$((session_ttl * 2 / 3))
  if [ $((sessions_at + session_ttl - $(date +%s))) -lt "$need" ]; then
    mapfile -t lines <"$WORK/buyers"
    in_parallel refresh "$WORK/buyers" "${lines[@]}"
    sessions_at="$(date +%s)"
    cut -d ' ' -f 2 "$WORK/buyers" >"$WORK/sessions"
  fi
}

make_accounts() {
  local run emails=() i first
  run="$(date +%s)-$$"
  step "signing up $SELLERS sellers and $BUYERS buyers (POST /api/users/signup)"
  for ((i = 1; i <= SELLERS; i++)); do emails+=("bench-$run-seller-$i@example.com"); done
  in_parallel signup "$WORK/sellers" "${emails[@]}"
  emails=()
  for ((i = 1; i <= BUYERS; i++)); do emails+=("bench-$run-buyer-$i@example.com"); done
  sessions_at="$(date +%s)"
  in_parallel signup "$WORK/buyers" "${emails[@]}"
  cut -d ' ' -f 2 "$WORK/buyers" >"$WORK/sessions"
  first="$(head -n 1 "$WORK/sessions")"
  session_ttl=$(($(jwt_claim "$first" exp) - $(jwt_claim "$first" iat)))
  SELLER_IDS="{$(cut -d ' ' -f 1 "$WORK/sellers" | paste -sd ,)}"
}

# --- seeded tickets ----------------------------------------------------------------------------

# Tickets to order are written by SQL into tickets-service's table and orders-service's replica
# together, exactly as tickets.v1.ticket.created would leave the replica (TicketReplicas.apply:
# the ticket's version, title, price, currency, seller, event time and status). Creating tens of
# thousands through POST /api/tickets would take longer than the benchmark, and measure listing,
# not ordering; the order and all that follows it (reservation, both replicas) go through HTTP and
# the event backbone. No event is published for them: nothing else keeps tickets.
seed_orderable() { # seed_orderable <count> <ids file>
  local batch="$WORK/batch.tsv"
  psql_on "$(db tickets)" -F $'\t' -v count="$1" -v sellers="$SELLER_IDS" -v note="$ORDERABLE_NOTE" \
    -v created="$(date -u '+%Y-%m-%d %H:%M:%S+00')" -f "$BENCH_DIR/seed-tickets.sql" >"$batch"
  psql_on "$(db orders)" \
    -c "\\copy ticket_replicas (id, version, title, price, currency, seller_id, event_at, status) FROM '$batch'"
  cut -f 1 "$batch" >"$2"
}

# Orderable tickets nobody ordered are withdrawn, in tickets-service and in the replica, as their
# sellers could and as a ticket.updated would leave the replica: the next run then browses its
# 50,000 listings and no more. At the start (a run that failed) and, once settled, at the end.
clean_orderable() {
  local withdrawn="$WORK/withdrawn"
  sql tickets "UPDATE tickets SET status = 'withdrawn', version = version + 1, updated_at = now()
    WHERE description = '$ORDERABLE_NOTE' AND status = 'available' RETURNING id, version" \
    | tr '|' '\t' >"$withdrawn"
  [ -s "$withdrawn" ] || return 0
  psql_on "$(db orders)" >/dev/null <<SQL
CREATE TEMP TABLE withdrawn (id uuid PRIMARY KEY, version bigint);
\\copy withdrawn FROM '$withdrawn'
UPDATE ticket_replicas r SET status = 'withdrawn', order_id = NULL, version = w.version, updated_at = now()
FROM withdrawn w WHERE r.id = w.id AND r.version < w.version;
SQL
  step "withdrew the $(wc -l <"$withdrawn") tickets seeded to order that no order took"
}

seed_listings() {
  local have
  have="$(sql tickets "SELECT count(*) FROM tickets WHERE status = 'available'")"
  if [ "$have" -lt "$LISTINGS" ]; then
    step "seeding $((LISTINGS - have)) listings in $(db tickets) ($have available already)"
    psql_on "$(db tickets)" -v count=$((LISTINGS - have)) -v sellers="$SELLER_IDS" -v note="$LISTING_NOTE" \
      -v created="$(date -u '+%Y-%m-%d %H:%M:%S+00')" -f "$BENCH_DIR/seed-tickets.sql" >/dev/null
  fi
  # This machine's PostgreSQL runs with autovacuum off: without this, the planner would not know
  # the rows just written.
  sql tickets "ANALYZE tickets"
  LISTED="$(sql tickets "SELECT count(*) FROM tickets WHERE status = 'available'")"
}

# --- the event fan-out -------------------------------------------------------------------------

# A JetStream API request over NATS's text protocol (no client here has one): the reply's payload.
js_request() { # js_request <subject>
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT" || return 1
  read -r -t 5 line <&3 || true # the server's INFO
  printf 'CONNECT {"verbose":false,"pedantic":false}\r\nSUB _INBOX.bench.%s 1\r\nPUB %s _INBOX.bench.%s 0\r\n\r\n' \
    "$$" "$1" "$$" >&3
  while read -r -t 5 line <&3; do
    line="${line%$'\r'}"
    case "$line" in
      MSG*) read -r -t 5 line <&3 && printf '%s\n' "${line%$'\r'}"; break ;;
      PING) printf 'PONG\r\n' >&3 ;;
      -ERR*) break ;;
    esac
  done
  exec 3>&-
}
# Messages the services' durable consumers have yet to get or to acknowledge: a message delivered
# again (its ack wait ran out under load) is work the fan-out still does.
js_unfinished() {
  local stream total=0 n
  for stream in TICKETS ORDERS PAYMENTS; do
    for n in $(js_request "\$JS.API.CONSUMER.LIST.$stream" | sed 's/{"stream_name"/\n&/g' \
      | grep -E '^\{"stream_name":"[A-Z]+","name":"(tickets|orders|payments)-service"' \
      | grep -oE '"num_(ack_)?pending":[0-9]+' | cut -d : -f 2); do
      total=$((total + n))
    done
  done
  echo "$total"
}

fanout_state() { # one line that stops changing, and whose parts agree, once every event is applied
  local s="CAST('$SELLER_IDS' AS uuid[])"
  printf '%s\n' "$(db tickets)" "$(db orders)" "$(db payments)" >>"$WORK/own-calls"
  # One psql for the three databases: this runs twice a second while the fan-out works.
  printf '%s|%s\n' "$(pg -d "$(db tickets)" <<SQL | paste -sd '|'
SELECT (SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL),
  (SELECT count(*) FROM order_states o JOIN tickets t ON t.id = o.ticket_id WHERE t.seller_id = ANY ($s)),
  (SELECT coalesce(sum(version), 0) FROM tickets WHERE seller_id = ANY ($s) AND description = '$ORDERABLE_NOTE');
\\c $(db orders)
SELECT (SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL),
  (SELECT count(*) FROM orders WHERE ticket_seller_id = ANY ($s)),
  (SELECT coalesce(sum(version), 0) FROM ticket_replicas WHERE seller_id = ANY ($s));
\\c $(db payments)
SELECT (SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL),
  (SELECT count(*) FROM order_replicas WHERE seller_id = ANY ($s));
SQL
)" "$(js_unfinished)"
}
# Settled: no outbox holds an unsent event and no consumer an unfinished message; tickets-service
# has seen every order (order_states), payments-service too (its order replica); orders-service's
# ticket replica has every version tickets-service wrote; and nothing changed for half a second.
settle() { # settle <what>
  local state previous="" t_unsent t_states t_versions o_unsent o_orders o_versions p_unsent p_orders js i
  for ((i = 0; i < 240; i++)); do
    state="$(fanout_state)"
    IFS='|' read -r t_unsent t_states t_versions o_unsent o_orders o_versions p_unsent p_orders js <<<"$state"
    if [ "$state" = "$previous" ] && [ "$t_unsent$o_unsent$p_unsent$js" = 0000 ] && [ "$t_states" = "$o_orders" ] \
      && [ "$p_orders" = "$o_orders" ] && [ "$t_versions" = "$o_versions" ]; then
      ORDERS_SO_FAR="$o_orders"
      return 0
    fi
    previous="$state"
    sleep 0.5
  done
  problem "the event fan-out after $1 did not settle within 120 s (tickets: unsent|orders seen|versions, orders: unsent|orders|versions, payments: unsent|orders, JetStream: unfinished = $state)"
  ORDERS_SO_FAR="$o_orders"
  return 1
}
# Holds of earlier runs' orders would expire in the middle of this one (15 minutes later, or all
# at once when the system starts again), and their cancellations fan out as this run measures.
# They end now, through orders-service's own expiry, and the run starts once that has settled.
end_earlier_holds() {
  local held="$WORK/held-before" ended="$WORK/ended-before" i state
  sql tickets "SELECT order_id FROM tickets WHERE description = '$ORDERABLE_NOTE' AND status = 'reserved'" >"$held"
  psql_on "$(db orders)" >"$ended" <<SQL
CREATE TEMP TABLE held (id uuid PRIMARY KEY);
\\copy held FROM '$held'
UPDATE orders o SET expires_at = now() FROM held h WHERE o.id = h.id AND o.status = 'created' RETURNING o.id;
SQL
  [ ! -s "$ended" ] || step "ending the holds of $(wc -l <"$ended") orders of earlier runs (orders-service expires them)"
  for ((i = 0; i < 600; i++)); do
    state="$(pg -d "$(db orders)" -c "SELECT count(*) FROM orders WHERE status = 'created' AND expires_at <= now()")"
    state+="|$(pg -d "$(db tickets)" -c "SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL")"
    state+="|$(pg -d "$(db orders)" -c "SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL")"
    state+="|$(pg -d "$(db payments)" -c "SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL")"
    state+="|$(js_unfinished)"
    [ "$state" != "0|0|0|0|0" ] || return 0
    sleep 0.5
  done
  die "the system did not become quiet within 300 s (due holds|unsent events in tickets, orders, payments|unfinished messages = $state)"
}

# pg_stat_database counts a backend's commits when it reports them: at most once a second while
# busy, and within 10 s of going idle. Reading the counters sooner would miss the last of them.
STATS_LAG=11

# --- load --------------------------------------------------------------------------------------

declare -A R
declare -A FIG
record() { FIG[$1]="${FIG[$1]:-} $2"; } # record <figure> <value>: one value per run
median() { tr ' ' '\n' <<<"${FIG[$1]:-}" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END {
  if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

read_result() { # read_result <log>: R from its "result k=v ..." line
  local line kv
  line="$(grep '^result ' "$1" | tail -n 1)" || die "no result in $1: $(tail -n 5 "$1")"
  R=()
  for kv in ${line#result }; do R[${kv%%=*}]="${kv#*=}"; done
}
statuses() { # the status counts of R, e.g. "201 × 499, 409 × 1"
  local k out=()
  for k in $(printf '%s\n' "${!R[@]}" | sort); do
    case "$k" in status_*) out+=("${k#status_} × ${R[$k]}") ;; esac
  done
  [ -z "${R[errors]:-}" ] || out+=("socket errors × ${R[errors]}")
  local IFS=,
  echo "${out[*]:-none}" | sed 's/,/, /g'
}

# wrk stops at its time and drops what is in flight, but the services still answer it: a list page
# asked for in the last second of one run would be served during the next. Each run waits until
# no service has a request in flight but the one asking (Spring's http.server.requests.active).
in_flight() { # in_flight <port>
  curl -s --max-time 5 "http://127.0.0.1:$1/actuator/prometheus" \
    | awk '/^http_server_requests_active_seconds_count/ { n += $NF } END { printf "%d", n }'
}
drain() {
  local i port quiet=0 busy
  for ((i = 0; i < 240; i++)); do
    busy=0
    for port in 8081 8082 8083 8084; do [ "$(in_flight "$port")" -le 1 ] || busy=1; done
    if [ "$busy" -eq 0 ]; then
      quiet=$((quiet + 1))
      [ "$quiet" -lt 2 ] || return 0
    else
      quiet=0
    fi
    sleep 0.5
  done
  problem "requests of the last run were still in flight 120 s after it ended"
}

wrk_cpu=0
wrk_run() { # wrk_run <name> <seconds> <url> <script> [script arguments...]
  local name="$1" seconds="$2" url="$3" script="$4" log="$WORK/$1.log" t
  shift 4
  step "wrk $name: ${seconds} s of $url"
  t="$( { TIMEFORMAT='%U %S'; time wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 30s --latency \
    -s "$BENCH_DIR/$script" "$url" -- "$@" >"$log" 2>&1; } 2>&1)" || die "wrk failed: $(tail -n 5 "$log")"
  wrk_cpu="$(awk -v a="$wrk_cpu" -v u="${t% *}" -v s="${t#* }" 'BEGIN { print a + u + s }')"
  drain
  read_result "$log"
  local bad=$((R[errors_connect] + R[errors_read] + R[errors_write] + R[errors_timeout]))
  [ "$bad" -eq 0 ] || problem "$name: $bad socket errors or timeouts ($(statuses))"
}
expect_all() { # expect_all <name> <status>: every response of R had this status
  [ "${R[requests]}" -gt 0 ] || problem "$1: no request was answered"
  [ "${R[status_$2]:-0}" -eq "${R[requests]}" ] || problem "$1: expected $2 for all ${R[requests]} requests, got $(statuses)"
  [ "${R[exhausted]:-0}" -eq 0 ] || problem "$1: ran out of seeded tickets (${R[exhausted]} requests reused one)"
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }

get_run() { # get_run <figure> <seconds> <url>
  wrk_run "$1" "$2" "$3" get.lua
  expect_all "GET $3" 200
  record "$1_rps" "$(rate "${R[status_200]:-0}" "${R[seconds]}")"
  record "$1_p99" "${R[p99_ms]}"
}

ORDERS_SO_FAR=0
best_rate=0
seed_run() { # seed_run <name> <seconds>: tickets for one order run, seeded before it starts
  local want
  # Three times the best rate so far (the first run: FIRST_RATE/s): a run that still runs out
  # fails, as too few tickets would make its last requests 409s.
  want="$(awk -v r="$best_rate" -v f="$FIRST_RATE" -v s="$2" 'BEGIN { r = (r > 0) ? 3 * r : f; if (r < 500) r = 500; printf "%d", r * s }')"
  seed_orderable "$want" "$WORK/tickets-$1"
}
orders_run() { # orders_run <name> <seconds> <site> [warm]: one run on the tickets seed_run seeded
  wrk_run "$1" "$2" "$3" orders.lua "$WORK/sessions" "$WORK/tickets-$1" "$THREADS"
  # A warm-up may see no answer within its seconds, or run out of tickets; all else is a 201.
  if [ "${4:-}" = warm ]; then
    [ $((R[requests] - ${R[status_201]:-0})) -le "${R[exhausted]}" ] \
      || problem "POST $3/api/orders (warm-up): expected 201s, got $(statuses)"
  else
    expect_all "POST $3/api/orders" 201
  fi
  local r
  r="$(rate "${R[status_201]:-0}" "${R[seconds]}")"
  best_rate="$(awk -v a="$best_rate" -v b="$r" 'BEGIN { print (b > a) ? b : a }')"
  settle "$1" || true
  [ "${4:-}" = warm ] && return
  record "$1_rps" "$r"
  record "$1_p99" "${R[p99_ms]}"
}

pgbench_run() { # pgbench_run <seconds> [warm]
  local log="$WORK/pgbench.log" stride
  # Every transaction takes its own ticket (place-order.sql): room for 20,000 tps per run.
  stride=$(((20000 * $1 + PGBENCH_CLIENTS - 1) / PGBENCH_CLIENTS))
  [ "$stride" -le "$PGBENCH_STRIDE" ] || die "pgbench needs a stride of $stride, seeded $PGBENCH_STRIDE"
  psql_on "$SCRATCH_DB" -c "TRUNCATE orders, messaging.outbox"
  step "pgbench: $1 s, $PGBENCH_CLIENTS clients"
  pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$PGBENCH_CLIENTS" -j "$THREADS" -T "$1" \
    -D n=0 -D stride="$PGBENCH_STRIDE" -D hold="$HOLD" -D body="$EVENT_BODY" \
    -f "$BENCH_DIR/place-order.sql" "$SCRATCH_DB" >"$log" 2>&1 \
    || { problem "pgbench failed: $(grep -m 3 -iE 'error|abort' "$log" | tr '\n' ' ')"; return; }
  [ "${2:-}" = warm ] && return
  record pgbench_tps "$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log" | head -n 1)"
  record pgbench_latency "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$log")"
}

# The anchor's database: orders-service's schema, copied, with ticket replica rows to order. The
# running service never reads it, so its outbox rows are never relayed; it is dropped at the end.
make_scratch() {
  local free
  free="$(admin "SELECT current_setting('max_connections')::int
    - current_setting('superuser_reserved_connections')::int - (SELECT count(*) FROM pg_stat_activity) - 10")"
  [ "$free" -ge "$PGBENCH_CLIENTS" ] || PGBENCH_CLIENTS="$free"
  [ "$PGBENCH_CLIENTS" -ge 4 ] || die "PostgreSQL has too few free connections for pgbench ($free)"
  PGBENCH_STRIDE=$(((20000 * DURATION + PGBENCH_CLIENTS - 1) / PGBENCH_CLIENTS))
  step "copying $(db orders)'s schema to $SCRATCH_DB for pgbench ($PGBENCH_CLIENTS clients)"
  drop_scratch
  admin "CREATE DATABASE $SCRATCH_DB"
  pg_dump -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --schema-only --no-owner "$(db orders)" \
    | psql_on "$SCRATCH_DB" -o /dev/null
  psql_on "$SCRATCH_DB" -c "INSERT INTO ticket_replicas (id, version, title, price, currency, seller_id, event_at, status)
    SELECT md5('bench-' || k)::uuid, 1, 'Arctic Monkeys, floor standing', 1000 + (k * 7919) % 19000, 'EUR',
           gen_random_uuid(), date_trunc('hour', now()) + interval '60 days', 'available'
    FROM generate_series(1, $((PGBENCH_CLIENTS * PGBENCH_STRIDE))) AS k" -c "ANALYZE"
  # What one psql call of the bench commits (its connection's start and its statement), measured
  # here and left out of the services' commits.
  local c0 c1 i
  c0="$(scratch_commits)"
  for i in 1 2 3 4; do psql_on "$SCRATCH_DB" -c "SELECT 1" >/dev/null; done
  sleep 1
  c1="$(scratch_commits)"
  PER_CALL=$(((c1 - c0 + 2) / 4))
  HOLD="${ORDERS_HOLD_WINDOW:-PT15M}"
  EVENT_BODY="$(printf '{"id":"%s","type":"orders.v1.order.created","occurredAt":"%s","data":{"id":"%s","version":1,"userId":"%s","status":"created","expiresAt":"%s","ticket":{"id":"%s","price":12500,"currency":"EUR","sellerId":"%s","eventAt":"%s"}}}' \
    "$(cat /proc/sys/kernel/random/uuid)" "$(date -u +%FT%T.123456Z)" "$(cat /proc/sys/kernel/random/uuid)" \
    "$(cat /proc/sys/kernel/random/uuid)" "$(date -u +%FT%T.123456Z)" "$(cat /proc/sys/kernel/random/uuid)" \
    "$(cat /proc/sys/kernel/random/uuid)" "$(date -u +%FT%T.123456Z)")"
}
scratch_commits() { admin "SELECT xact_commit FROM pg_stat_database WHERE datname = '$SCRATCH_DB'"; }
drop_scratch() { PGOPTIONS='-c client_min_messages=warning' admin "DROP DATABASE IF EXISTS $SCRATCH_DB" || true; }

burst_run() { # burst_run <figure> <method> <path> [warm]: one burst of BURST requests on :8083
  local log="$WORK/$1.log" ticket
  if [ "$2" = POST ]; then
    step "burst: $BURST × POST /api/orders for one ticket"
    seed_orderable 1 "$WORK/burst-ticket"
    ticket="$(cat "$WORK/burst-ticket")"
    fresh_sessions 60
    java -cp "$WORK/classes" Burst 127.0.0.1 8083 POST /api/orders "$BURST" "{\"ticketId\":\"$ticket\"}" \
      "$WORK/sessions" >"$log" 2>&1 || die "the burst failed: $(tail -n 5 "$log")"
    read_result "$log"
    [ "${R[status_201]:-0}" -eq 1 ] && [ "${R[status_409]:-0}" -eq $((BURST - 1)) ] \
      || problem "burst of $BURST orders for one ticket: expected one 201 and $((BURST - 1)) × 409, got $(statuses)"
    BURST_STATUSES="$(statuses)"
    settle "$1" || true
  else
    step "burst: $BURST × GET $3"
    java -cp "$WORK/classes" Burst 127.0.0.1 8083 GET "$3" "$BURST" >"$log" 2>&1 \
      || die "the burst failed: $(tail -n 5 "$log")"
    read_result "$log"
    [ "${R[status_200]:-0}" -eq "$BURST" ] || problem "burst of $BURST on $3: expected 200 for all, got $(statuses)"
  fi
  [ "${4:-}" = warm ] && return
  record "$1_p99" "${R[p99_ms]}"
  record "$1_p50" "${R[p50_ms]}"
  record "$1_spread" "${R[spread_ms]}"
}

# --- processes ---------------------------------------------------------------------------------

PROCS=(auth-service:8081 tickets-service:8082 orders-service:8083 payments-service:8084 client:3001 origin:3000 nats-server:4222 postgres:5432)
TICK="$(getconf CLK_TCK)"
cpu_ticks() { # cpu_ticks <name> <pid>: user + system ticks (PostgreSQL: every backend, gone ones too;
  # the origin: nginx's workers, which do its work)
  local pids=("$2") p line total=0 f
  # The postmaster's children are the backends; the ones that ended are in its cutime and cstime.
  case "$1" in postgres | origin) pids+=($(ps -o pid= --ppid "$2" 2>/dev/null || true)) ;; esac
  for p in "${pids[@]}"; do
    line="$(cat "/proc/$p/stat" 2>/dev/null)" || continue
    read -ra f <<<"${line##*) }" # the fields after "(comm) ": f[11] is utime, the 14th field
    total=$((total + f[11] + f[12]))
    [ "$p" != "$2" ] || [ "$1" != postgres ] || total=$((total + f[13] + f[14]))
  done
  echo "$total"
}
declare -A PID CPU_DIRECT CPU_SITE TICKS
find_pids() {
  local entry name port pid
  for entry in "${PROCS[@]}"; do
    IFS=: read -r name port <<<"$entry"
    pid="$(pid_of "$name" "$port")"
    # PostgreSQL or NATS in a container (as in CI) shows here as a proxy's port: not theirs.
    case "$name" in
      postgres | nats-server) [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || pid="" ;;
    esac
    PID[$name]="$pid"
  done
}
cpu_mark() { # cpu_mark [<into>]: the ticks since the last mark go into CPU_<into>
  local entry name now
  for entry in "${PROCS[@]}"; do
    name="${entry%%:*}"
    [ -n "${PID[$name]}" ] || continue
    now="$(cpu_ticks "$name" "${PID[$name]}")"
    case "${1:-}" in
      direct) CPU_DIRECT[$name]=$((${CPU_DIRECT[$name]:-0} + now - TICKS[$name])) ;;
      site) CPU_SITE[$name]=$((${CPU_SITE[$name]:-0} + now - TICKS[$name])) ;;
    esac
    TICKS[$name]="$now"
  done
}
rss_mb() { [ -r "/proc/$1/status" ] && awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" || echo "–"; }
startup() { # startup <pid>: what its log says about start-up (Spring Boot, Next.js)
  local log line
  log="$(readlink "/proc/$1/fd/1" 2>/dev/null)" || { echo "–"; return; }
  [ -f "$log" ] || { echo "–"; return; }
  line="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$log" | tail -n 1)"
  if [ -n "$line" ]; then
    awk '{ printf "%.1f s (JVM up %.1f s)\n", $4, substr($9, 1, length($9) - 1) }' <<<"$line"
  else
    grep -o 'Ready in [0-9.]*m\?s' "$log" | tail -n 1 | sed 's/Ready in //' || echo "–"
  fi
}

# --- correctness --------------------------------------------------------------------------------

# The holds agree everywhere: every ticket tickets-service holds for a bench order is held by that
# order in orders-service, and payments-service's replica has every order with its status.
agree() {
  local s="CAST('$SELLER_IDS' AS uuid[])" attempt
  for attempt in 1 2 3 4 5; do
    sql tickets "SELECT order_id FROM tickets WHERE seller_id = ANY ($s) AND status IN ('reserved', 'sold') ORDER BY 1" >"$WORK/held.tickets"
    sql orders "SELECT id FROM orders WHERE ticket_seller_id = ANY ($s) AND status IN ('created', 'complete') ORDER BY 1" >"$WORK/held.orders"
    sql payments "SELECT id || ' ' || status FROM order_replicas WHERE seller_id = ANY ($s) ORDER BY 1" >"$WORK/orders.payments"
    sql orders "SELECT id || ' ' || status FROM orders WHERE ticket_seller_id = ANY ($s) ORDER BY 1" >"$WORK/orders.orders"
    if cmp -s "$WORK/held.tickets" "$WORK/held.orders" && cmp -s "$WORK/orders.payments" "$WORK/orders.orders"; then
      return 0
    fi
    # An order that expired between two reads (bin/test's system holds for 20 s): settle, again.
    settle "the consistency check" || break
  done
  problem "the services disagree after the fan-out settled: tickets holds $(wc -l <"$WORK/held.tickets") orders, orders-service $(wc -l <"$WORK/held.orders") active; payments' replica $(wc -l <"$WORK/orders.payments") orders, orders-service $(wc -l <"$WORK/orders.orders")"
  return 1
}

# --- the report ---------------------------------------------------------------------------------

fmt() { # fmt <number> [decimals]: 12,345.6
  awk -v v="$1" -v d="${2:-0}" 'BEGIN {
    if (v == "nan" || v == "") { print "–"; exit }
    s = sprintf("%.*f", d, v); sign = ""; if (s ~ /^-/) { sign = "-"; s = substr(s, 2) }
    i = index(s, "."); whole = i ? substr(s, 1, i - 1) : s; rest = i ? substr(s, i) : ""
    while (length(whole) > 3) { rest = "," substr(whole, length(whole) - 2) rest; whole = substr(whole, 1, length(whole) - 3) }
    print sign whole rest }'
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0 || a == "nan" || b == "nan") print "nan"; else print a / b }'; }
met() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "nan") print "–";
  else if ((op == "ge" && v >= t) || (op == "le" && v <= t) || (op == "lt" && v < t)) print "yes"; else print "no" }'; }
runs() { # runs <figure> [decimals]: "v1 · v2 · v3"
  local v out=""
  for v in ${FIG[$1]:-}; do out+="${out:+ · }$(fmt "$v" "${2:-0}")"; done
  echo "$out"
}
