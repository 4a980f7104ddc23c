# What bin/run --observe starts beside the system, one function per server; sourced after
# infra/local/lib.sh. Each writes its pid to .run/<name>.pid, so bin/stop stops it with the rest,
# and its log to .run/logs/<name>.log. start_observability runs them all: a server added here
# (a trace server) is a function and a line in it.

OBSERVABILITY_DIR="$ROOT/infra/observability"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
PROMETHEUS_URL="http://127.0.0.1:$PROMETHEUS_PORT"
# Kept between runs of bin/run --observe; the live alert check starts from an empty one.
PROMETHEUS_DATA="${PROMETHEUS_DATA:-$RUN_DIR/prometheus/data}"

start_observability() {
  start_prometheus
}

# The URLs of what start_observability started, one per line, for bin/run to print.
observability_urls() {
  echo "Prometheus: $PROMETHEUS_URL (alerts: $PROMETHEUS_URL/alerts, log: .run/logs/prometheus.log)"
}

# prometheus_targets: the static_configs entries of every service instance in .run/instances,
# grouped by service (the second instance of bin/run --scaled, <service>-2, beside the first).
prometheus_targets() {
  local service
  for service in auth-service tickets-service orders-service payments-service; do
    awk -v service="$service" '
      $1 == service || $1 == service "-2" { targets = targets (targets ? ", " : "") "\"127.0.0.1:" $2 "\"" }
      END { if (targets) printf "      - targets: [%s]\n        labels: {service: %s}\n", targets, service }
    ' "$RUN_DIR/instances"
  done
}

# start_prometheus: Prometheus on $PROMETHEUS_PORT (loopback), scraping what .run/instances lists,
# with the alert rules of infra/k8s/base/monitoring/rules.yml; its data in $PROMETHEUS_DATA (a day
# of it). Returns once it answers /-/ready.
start_prometheus() {
  local dir="$RUN_DIR/prometheus" targets
  ensure_prometheus
  [ -f "$RUN_DIR/instances" ] || die "no system is running here (.run/instances is missing): start it with bin/run first"
  ! port_open "$PROMETHEUS_PORT" || die "port $PROMETHEUS_PORT is in use: Prometheus needs it (set PROMETHEUS_PORT to another)"
  targets="$(prometheus_targets)"
  [ -n "$targets" ] || die ".run/instances lists no service for Prometheus to scrape"
  mkdir -p "$dir" "$PROMETHEUS_DATA" "$RUN_DIR/logs"
  awk -v rules="$ROOT/infra/k8s/base/monitoring/rules.yml" -v targets="$targets" '
    /@TARGETS@/ { print targets; next }
    { gsub("@RULES@", rules); print }
  ' "$OBSERVABILITY_DIR/prometheus.yml" >"$dir/prometheus.yml"
  "$PROMTOOL" check config "$dir/prometheus.yml" >/dev/null || die "the Prometheus configuration $dir/prometheus.yml is invalid"
  say "starting Prometheus on :$PROMETHEUS_PORT (log: .run/logs/prometheus.log)"
  nohup "$PROMETHEUS" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$PROMETHEUS_DATA" \
    --storage.tsdb.retention.time=1d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
    >>"$RUN_DIR/logs/prometheus.log" 2>&1 &
  echo $! >"$RUN_DIR/prometheus.pid"
  wait_for 30 "Prometheus" curl -fs -o /dev/null "$PROMETHEUS_URL/-/ready"
}
