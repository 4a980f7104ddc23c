# What bin/run --observe starts beside the system, one function per server; sourced after
# infra/local/lib.sh. Each writes its pid to .run/<name>.pid, so bin/stop stops it with the rest,
# and its log to .run/logs/<name>.log. start_observability runs them all: a server added here
# (a trace server) is a function and a line in it.

OBSERVABILITY_DIR="$ROOT/infra/observability"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
PROMETHEUS_URL="http://127.0.0.1:$PROMETHEUS_PORT"
# Its pid file, log and configuration: .run/<name>.pid, .run/logs/<name>.log, .run/<name>/.
PROMETHEUS_NAME="${PROMETHEUS_NAME:-prometheus}"
# Kept between runs of bin/run --observe; the live alert check starts from an empty one.
PROMETHEUS_DATA="${PROMETHEUS_DATA:-$RUN_DIR/prometheus/data}"

# After the services: Prometheus, and Zipkin (started before them) ready.
start_observability() {
  start_prometheus
  [ ! -f "$RUN_DIR/zipkin.pid" ] || wait_for 60 "Zipkin" zipkin_ready
}

# The URLs of what start_observability started, one per line, for bin/run to print.
observability_urls() {
  [ ! -f "$RUN_DIR/zipkin.pid" ] || echo "Traces (Zipkin): $ZIPKIN_URL (log: .run/logs/zipkin.log)"
  echo "Prometheus: $PROMETHEUS_URL (alerts: $PROMETHEUS_URL/classic/alerts, log: .run/logs/prometheus.log)"
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
  local dir="$RUN_DIR/$PROMETHEUS_NAME" targets
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
  say "starting Prometheus on :$PROMETHEUS_PORT (log: .run/logs/$PROMETHEUS_NAME.log)"
  nohup "$PROMETHEUS" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$PROMETHEUS_DATA" \
    --storage.tsdb.retention.time=1d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
    --web.local-assets="$(dirname "$PROMETHEUS")/../share/prometheus/web/" \
    >>"$RUN_DIR/logs/$PROMETHEUS_NAME.log" 2>&1 &
  echo $! >"$RUN_DIR/$PROMETHEUS_NAME.pid"
  wait_for 30 "Prometheus" curl -fs -o /dev/null "$PROMETHEUS_URL/-/ready"
}

# Zipkin's server, the local trace store and UI (docs/adr/0022): its executable jar from Maven
# Central through the wrapper, kept in .run/tools/zipkin; spans held in memory only.
ZIPKIN_VERSION=3.6.1
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
ZIPKIN_URL="http://127.0.0.1:$ZIPKIN_PORT"
ensure_zipkin() {
  local dir="$RUN_DIR/tools/zipkin"
  ZIPKIN_JAR="$dir/zipkin-server-$ZIPKIN_VERSION-exec.jar"
  [ -f "$ZIPKIN_JAR" ] && return 0
  say "fetching Zipkin's server $ZIPKIN_VERSION from Maven Central into .run/tools/zipkin"
  (cd "$ROOT" && ./mvnw -B -q -N dependency:copy -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
    -DoutputDirectory="$dir" >/dev/null) ||
    die "could not fetch io.zipkin:zipkin-server:$ZIPKIN_VERSION:exec from Maven Central"
}

zipkin_ready() { curl -fs "$ZIPKIN_URL/health" >/dev/null; }

# start_zipkin: Zipkin on 127.0.0.1:$ZIPKIN_PORT (pid file .run/zipkin.pid, log .run/logs/zipkin.log),
# and the settings that send every service's spans to it, for the services started after it.
start_zipkin() {
  ensure_zipkin
  mkdir -p "$RUN_DIR/launch" "$RUN_DIR/logs"
  printf '#!/usr/bin/env bash\n# Written by bin/run --observe: starts Zipkin; run it through bin/instance.\nexport STORAGE_TYPE=mem MEM_MAX_SPANS=200000\nexec %q -XX:+UseSerialGC -Xms64m -Xmx384m -XX:+ExitOnOutOfMemoryError -jar %q --armeria.ports[0].ip=127.0.0.1 --armeria.ports[0].port=%q --armeria.ports[0].protocols=http\n' \
    "$(command -v java)" "$ZIPKIN_JAR" "$ZIPKIN_PORT" >"$RUN_DIR/launch/zipkin"
  chmod 700 "$RUN_DIR/launch/zipkin"
  say "starting Zipkin on :$ZIPKIN_PORT (log: .run/logs/zipkin.log)"
  nohup "$RUN_DIR/launch/zipkin" >"$RUN_DIR/logs/zipkin.log" 2>&1 &
  echo $! >"$RUN_DIR/zipkin.pid"
  export TICKETING_TRACING_ZIPKIN_ENDPOINT="http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans"
}
