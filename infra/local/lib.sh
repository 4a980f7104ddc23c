# Shared by bin/run and bin/test: find JDK 25, make sure PostgreSQL and NATS JetStream are up on
# loopback (starting or installing them on a Debian machine when they are not), create databases.
# Sourced, not executed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.run"
PG_HOST=127.0.0.1
# DB_PORT, which the services read too, moves everything to another PostgreSQL (the fault test's).
PG_PORT="${DB_PORT:-5432}"
PG_USER=postgres
NATS_PORT=4222

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# JDK 25: JAVA_HOME if it is one, else the first JDK 25 under the usual install roots.
find_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if grep -q '^JAVA_VERSION="25' "$candidate/release" 2>/dev/null; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

use_jdk25() {
  local jdk
  jdk="$(find_jdk25)" || die "no JDK 25 found (looked at JAVA_HOME, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks).
Install one, e.g. Temurin 25 (package temurin-25-jdk from Adoptium's apt repository), or point JAVA_HOME at it."
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

apt_install() {
  [ "$(id -u)" -eq 0 ] || die "$* is not installed and installing it needs root: run 'sudo apt-get install -y $*' and try again."
  say "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # wait_for <seconds> <description> <command...>
  local seconds="$1" what="$2" i
  shift 2
  for ((i = 0; i < seconds * 2; i++)); do
    "$@" && return 0
    sleep 0.5
  done
  die "$what did not come up within ${seconds}s"
}

pg_ready() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; }

ensure_postgres() {
  local installed=no version
  if command -v pg_isready >/dev/null && pg_ready; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt_install postgresql
    installed=yes
  fi
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  if [ "$installed" = yes ]; then
    # A fresh Debian cluster asks loopback clients for a password; local development uses trust,
    # as the machines this project runs on do.
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  say "starting PostgreSQL $version"
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not running on $PG_HOST:$PG_PORT; start it: sudo pg_ctlcluster --skip-systemctl-redirect $version main start"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for 30 "PostgreSQL" pg_ready
  [ "$installed" = no ] || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
}

ensure_nats() {
  local store
  if port_open "$NATS_PORT"; then return 0; fi
  command -v nats-server >/dev/null || apt_install nats-server
  say "starting nats-server with JetStream"
  if [ "$(id -u)" -eq 0 ]; then
    store=/var/lib/nats-server
    mkdir -p "$store"
    start-stop-daemon --start --oknodo --background --exec "$(command -v nats-server)" -- \
      -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$store" -l /var/log/nats-server.log
  else
    store="$RUN_DIR/nats"
    mkdir -p "$store"
    nohup nats-server -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$store" -l "$RUN_DIR/nats-server.log" >/dev/null 2>&1 &
  fi
  wait_for 30 "nats-server" port_open "$NATS_PORT"
}

ensure_database() {
  local name="$1"
  if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    say "creating database $name"
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE $name" \
      || psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
      || die "could not create database $name"
  fi
}

# Node.js 20.9+ (Next.js 16's floor) with npm. Debian 12's own nodejs package is 18, too old: a
# machine without a recent Node gets a message saying so rather than a broken build.
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 9) ? 0 : 1)' \
    || die "the client needs Node.js 20.9 or newer; this machine has $(node --version). Install a current Node.js (e.g. from nodesource) and try again."
  # Next.js would otherwise phone home from builds and servers; nothing here may reach the network.
  export NEXT_TELEMETRY_DISABLED=1
}

# The client's dependencies, installed exactly as the lock file says when they are missing or stale.
ensure_client_dependencies() {
  local client="$ROOT/client"
  if [ ! -f "$client/node_modules/.package-lock.json" ] || [ "$client/package-lock.json" -nt "$client/node_modules/.package-lock.json" ]; then
    say "installing the client's dependencies (npm ci)"
    (cd "$client" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# `next build` into a standalone server (client/.next/standalone/server.js), with its static files
# beside it as the container image has them.
build_client() {
  local client="$ROOT/client"
  ensure_client_dependencies
  mkdir -p "$RUN_DIR"
  say "building the client (next build)"
  (cd "$client" && npm run --silent build >"$RUN_DIR/client-build.log" 2>&1) || {
    tail -n 40 "$RUN_DIR/client-build.log" >&2
    die "the client did not build; the end of its log is above (.run/client-build.log)"
  }
  rm -rf "$client/.next/standalone/.next/static" "$client/.next/standalone/public"
  cp -r "$client/.next/static" "$client/.next/standalone/.next/static"
  [ ! -d "$client/public" ] || cp -r "$client/public" "$client/.next/standalone/public"
}

# nginx, the engine of ingress-nginx, as the local single origin (infra/local/nginx.conf). One on
# PATH is used; otherwise Debian's package is unpacked into .run/tools, not installed, so that no
# nginx service is set up or started on the machine (the package's own would serve port 80).
NGINX=""
ensure_nginx() {
  local tools="$RUN_DIR/tools/nginx" download
  if command -v nginx >/dev/null; then
    NGINX="$(command -v nginx)"
    return 0
  fi
  if [ ! -x "$tools/usr/sbin/nginx" ]; then
    say "unpacking Debian's nginx into .run/tools (not installed on the machine)"
    download="$(mktemp -d)"
    (cd "$download" && apt-get download -q nginx >/dev/null 2>&1) || {
      rm -rf "$download"
      die "could not download Debian's nginx package (apt-get download nginx); install nginx and try again"
    }
    mkdir -p "$tools"
    dpkg-deb -x "$download"/nginx_*.deb "$tools"
    rm -rf "$download"
  fi
  NGINX="$tools/usr/sbin/nginx"
}

# Prometheus and promtool (Debian's package `prometheus`, 2.42 on Debian 12), for bin/run --observe,
# the alert rules' tests and the live alert check. Unpacked into .run/tools like nginx, never
# installed: the package would set up and start a prometheus service on the machine. One on PATH
# with its promtool beside it is used instead. Sets PROMETHEUS and PROMTOOL and exports
# TICKETING_PROMTOOL, which the infra module's rule tests read.
PROMETHEUS=""
PROMTOOL=""
ensure_prometheus() {
  local tools="$RUN_DIR/tools/prometheus" download package
  if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
    PROMETHEUS="$(command -v prometheus)"
    PROMTOOL="$(command -v promtool)"
  else
    # With the JavaScript its classic web UI links to (usr/share/javascript), as the package's
    # dependencies would install it.
    if [ ! -x "$tools/usr/bin/prometheus" ] || [ ! -x "$tools/usr/bin/promtool" ] ||
      [ ! -d "$tools/usr/share/javascript/jquery" ]; then
      say "unpacking Debian's prometheus into .run/tools (not installed on the machine)"
      download="$(mktemp -d)"
      (cd "$download" && apt-get download -q prometheus libjs-bootstrap4 libjs-eonasdan-bootstrap-datetimepicker \
        libjs-jquery libjs-jquery-hotkeys libjs-moment libjs-moment-timezone libjs-mustache libjs-popper.js \
        libjs-rickshaw >/dev/null 2>&1) || {
        rm -rf "$download"
        die "could not download Debian's prometheus package (apt-get download prometheus); install prometheus and try again"
      }
      mkdir -p "$tools"
      for package in "$download"/*.deb; do dpkg-deb -x "$package" "$tools"; done
      rm -rf "$download"
    fi
    PROMETHEUS="$tools/usr/bin/prometheus"
    PROMTOOL="$tools/usr/bin/promtool"
  fi
  export TICKETING_PROMTOOL="$PROMTOOL"
}

# Debian's Chromium, which the browser tests drive through playwright-core (never a downloaded one).
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH="$CHROMIUM"
ensure_chromium() {
  [ -x "$CHROMIUM" ] || apt_install chromium
}

# The second instance of a service in bin/run --scaled listens 10 ports above the first.
instance_port() { # instance_port <first instance's port> <instance number>
  echo $(($1 + 10 * ($2 - 1)))
}

# bin/run --scaled's JetStream cluster, as the production overlay's (infra/k8s/overlays/prod):
# three nats-servers n1..n3 on loopback beside the machine's own on 4222, clients on 4231-4233,
# routes on 6231-6233, monitoring on 8231-8233, each with its store under .run/nats-cluster/ and
# started through .run/launch/nats-<node> with its pid in .run/nats-<node>.pid (bin/instance and
# bin/stop treat them as they treat the services).
NATS_CLUSTER_NODES=(n1 n2 n3)
NATS_CLUSTER_URL="nats://127.0.0.1:4231,nats://127.0.0.1:4232,nats://127.0.0.1:4233"

nats_cluster_instances() { # one line per node for .run/instances: name, client port, readiness URL
  local i
  for i in 1 2 3; do echo "nats-n$i 423$i http://127.0.0.1:823$i/healthz"; done
}

# The meta leader all three servers agree on, or nothing.
nats_cluster_leader() {
  local i leaders=()
  for i in 1 2 3; do
    leaders+=("$(curl -fs --max-time 2 "http://127.0.0.1:823$i/jsz" | grep -o '"leader": *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')")
  done
  [ -n "${leaders[0]}" ] && [ "${leaders[0]}" = "${leaders[1]}" ] && [ "${leaders[1]}" = "${leaders[2]}" ] \
    && echo "${leaders[0]}"
}

start_nats_cluster() {
  local i dir="$RUN_DIR/nats-cluster" binary port
  binary="$(command -v nats-server)"
  mkdir -p "$dir" "$RUN_DIR/logs" "$RUN_DIR/launch"
  for i in 1 2 3; do
    for port in "423$i" "623$i" "823$i"; do
      ! port_open "$port" || die "port $port is in use: the NATS cluster of bin/run --scaled needs 4231-4233, 6231-6233 and 8231-8233"
    done
    mkdir -p "$dir/n$i"
    cat >"$dir/n$i.conf" <<CONF
# Written by bin/run --scaled: node n$i of the local JetStream cluster (lib.sh, start_nats_cluster).
server_name: n$i
listen: 127.0.0.1:423$i
http: 127.0.0.1:823$i
jetstream {
  store_dir: "$dir/n$i"
  max_memory_store: 256MB
  max_file_store: 8GB
}
cluster {
  name: ticketing-local
  listen: 127.0.0.1:623$i
  routes: [nats-route://127.0.0.1:6231, nats-route://127.0.0.1:6232, nats-route://127.0.0.1:6233]
  connect_retries: 120
}
CONF
    printf '#!/usr/bin/env bash\n# Written by bin/run --scaled: starts NATS node n%s; run it through bin/instance.\nexec %q -c %q\n' \
      "$i" "$binary" "$dir/n$i.conf" >"$RUN_DIR/launch/nats-n$i"
    chmod 700 "$RUN_DIR/launch/nats-n$i"
    say "starting NATS node n$i on :423$i (routes :623$i, monitoring :823$i, log: .run/logs/nats-n$i.log)"
    nohup "$RUN_DIR/launch/nats-n$i" >>"$RUN_DIR/logs/nats-n$i.log" 2>&1 &
    echo $! >"$RUN_DIR/nats-n$i.pid"
  done
  wait_for 60 "the NATS cluster's JetStream meta leader" nats_cluster_leader >/dev/null
  say "NATS cluster up, JetStream meta leader $(nats_cluster_leader)"
}

# stop_process <pid file> [quiet]: SIGTERM, up to 30 s to end (a service finishes what it holds),
# then SIGKILL; removes the pid file.
stop_process() {
  local pidfile="$1" quiet="${2:-no}" pid name i
  pid="$(cat "$pidfile")"
  name="$(basename "$pidfile" .pid)"
  if kill -0 "$pid" 2>/dev/null; then
    [ "$quiet" = yes ] || echo "stopping $name ($pid)"
    kill -TERM "$pid"
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    ! kill -0 "$pid" 2>/dev/null || kill -KILL "$pid"
  fi
  rm -f "$pidfile"
}
