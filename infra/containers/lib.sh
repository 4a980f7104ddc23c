# Container images with podman, shared by infra/containers/*.sh and bin/run --images. Sourced after
# infra/local/lib.sh. podman runs as root with this project's containers.conf (CONTAINERS_CONF), so
# the machine's own /etc/containers stays as it is; builds and containers use the host network.

CONTAINERS_DIR="$ROOT/infra/containers"
export CONTAINERS_CONF="$CONTAINERS_DIR/containers.conf"
IMAGES=(auth-service tickets-service orders-service payments-service client)

ensure_podman() {
  local missing=()
  # type -P: the program on PATH, not the podman function below (command -v would find that).
  type -P podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
  [ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"
}

# --- base images ---------------------------------------------------------------------------------
# No image registry is reachable here, so the public base images the Dockerfiles name by default
# (eclipse-temurin:25-jdk-noble, eclipse-temurin:25-jre-noble, node:24-bookworm-slim) have local
# stand-ins, made from Debian's packages and this machine's JDK and Node.js and passed as build
# arguments. Each tag carries a digest of what made it, so a base image is made again only when its
# recipe or the JDK or Node.js changes; made once, they stay in podman's store between runs.

DEBOOTSTRAP_IMAGE=localhost/ticketing/debootstrap:bookworm
# The modules of a Java runtime as Temurin's JRE images have them: Java SE and the JDK's runtime
# modules, without the compiler, jlink, jshell, the debugger and the other tools.
JRE_MODULES=java.se,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.dynalink,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.nio.mapmode,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.xml.dom,jdk.zipfs

# podman and debootstrap need root: as root here; through sudo where the user may (GitHub's runner).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    command "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo --preserve-env=CONTAINERS_CONF "$@"
  else
    die "$1 needs root here: run as root, or as a user who may sudo"
  fi
}
podman() { as_root podman "$@"; }

image_exists() { podman image exists "$1"; }

ensure_debootstrap_image() {
  image_exists "$DEBOOTSTRAP_IMAGE" && return 0
  local dir
  dir="$(mktemp -d)"
  say "making $DEBOOTSTRAP_IMAGE with debootstrap (once; about a minute)"
  as_root debootstrap --variant=minbase --include=ca-certificates bookworm "$dir" http://deb.debian.org/debian \
    >"$RUN_DIR/logs/debootstrap.log" 2>&1 || {
    tail -n 20 "$RUN_DIR/logs/debootstrap.log" >&2
    as_root rm -rf "$dir"
    die "debootstrap failed (log: .run/logs/debootstrap.log)"
  }
  as_root rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* "$dir"/usr/share/man/*
  as_root tar -C "$dir" -c . | podman import --quiet - "$DEBOOTSTRAP_IMAGE" >/dev/null
  as_root rm -rf "$dir"
}

# base_image <name> <from> <inputs> <fill>: builds localhost/ticketing/<name>:<digest> from
# base/<name>.Containerfile on the image <from>, with a context that the function <fill> <dir>
# writes, unless it exists; prints the image's name.
base_image() {
  local name="$1" from="$2" inputs="$3" fill="$4" tag dir
  tag="localhost/ticketing/$name:$({ cat "$CONTAINERS_DIR/base/$name.Containerfile"; echo "$from $inputs"; } | sha256sum | cut -c1-12)"
  if ! image_exists "$tag"; then
    say "making the base image $tag (once per JDK, Node.js or recipe)"
    dir="$(mktemp -d)"
    "$fill" "$dir"
    podman build --quiet --network=host --build-arg DEBIAN_IMAGE="$from" \
      -f "$CONTAINERS_DIR/base/$name.Containerfile" -t "$tag" "$dir" >/dev/null
    rm -rf "$dir"
  fi
  printf '%s\n' "$tag"
}
fill_debian() {
  mkdir -p "$1/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$1/ca-certificates/" 2>/dev/null || true
}
fill_jdk() { cp -rL "$JAVA_HOME" "$1/jdk"; rm -rf "$1/jdk/man" "$1/jdk/lib/src.zip"; }
fill_jre() {
  "$JAVA_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$1/jre"
}
fill_node() {
  cp -L "$(command -v node)" "$1/node"
  mkdir -p "$1/node_modules"
  cp -r "$(npm root -g)/npm" "$(npm root -g)/corepack" "$1/node_modules/"
}

# ensure_base_images: sets JDK_IMAGE, JRE_IMAGE and NODE_IMAGE to the local base images.
ensure_base_images() {
  mkdir -p "$RUN_DIR/logs"
  ensure_debootstrap_image
  local java node debian
  java="$(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$JAVA_HOME/release")"
  node="$(node --version)"
  debian="$(base_image debian "$DEBOOTSTRAP_IMAGE" "$(cat /usr/local/share/ca-certificates/*.crt 2>/dev/null)" fill_debian)"
  JDK_IMAGE="$(base_image jdk "$debian" "$java" fill_jdk)"
  JRE_IMAGE="$(base_image jre "$debian" "$java $JRE_MODULES" fill_jre)"
  NODE_IMAGE="$(base_image node "$debian" "$node $(npm --version)" fill_node)"
}

# --- the system from its images ------------------------------------------------------------------
# Each container is configured from the Kubernetes manifests as kustomize renders the dev overlay
# (infra/containers/pod.py reads them), so the images here and in a cluster cannot drift apart. The
# run differs from the overlay only by what a kustomization generated for it merges into the
# services' ConfigMaps: its own databases, and the settings the system tests shorten when set.

IMAGES_DIR="$RUN_DIR/images"
IMAGES_DB_SUFFIX=_images
# <ConfigMap>:<variable>: merged into that ConfigMap when the variable is set in the environment.
IMAGE_SETTINGS=(
  auth-service-config:TICKETING_AUTH_ACCESS_TOKEN_TTL
  orders-service-config:ORDERS_HOLD_WINDOW
  payments-service-config:PAYMENTS_SIMULATED_LATENCY
)

# render_manifests: writes $IMAGES_DIR/manifests.yaml. The dev overlay's secrets are generated once
# into $IMAGES_DIR/secrets and kept, so sessions and passes survive a restart, as in a cluster.
render_manifests() {
  command -v kubectl >/dev/null || die "rendering the manifests needs kubectl (kustomize is built in); install it and run again"
  local copy="$IMAGES_DIR/k8s" run="$IMAGES_DIR/kustomization" service entry variable
  rm -rf "$copy" "$run"
  mkdir -p "$IMAGES_DIR/secrets" "$run"
  cp -r "$ROOT/infra/k8s" "$copy"
  rm -rf "$copy/overlays/dev/secrets"
  cp -a "$IMAGES_DIR/secrets" "$copy/overlays/dev/secrets"
  "$copy/overlays/dev/generate-secrets.sh"
  cp -a "$copy/overlays/dev/secrets/." "$IMAGES_DIR/secrets/"
  {
    echo "apiVersion: kustomize.config.k8s.io/v1beta1"
    echo "kind: Kustomization"
    echo "resources:"
    echo "  - ../k8s/overlays/dev"
    echo "configMapGenerator:"
    for service in auth tickets orders payments; do
      echo "  - name: $service-service-config"
      echo "    behavior: merge"
      echo "    literals:"
      echo "      - DB_NAME=ticketing_$service$IMAGES_DB_SUFFIX"
      for entry in "${IMAGE_SETTINGS[@]}"; do
        variable="${entry#*:}"
        [ "${entry%%:*}" = "$service-service-config" ] && [ -n "${!variable:-}" ] && echo "      - $variable=${!variable}"
      done
    done
  } >"$run/kustomization.yaml"
  kubectl kustomize "$run" >"$IMAGES_DIR/manifests.yaml"
}

# ensure_image_databases: each service's database of this run, owned by the user its Secret names.
ensure_image_databases() {
  local service user password
  for service in auth tickets orders payments; do
    user="$(sed -n 's/^username=//p' "$IMAGES_DIR/secrets/$service-db.env")"
    password="$(sed -n 's/^password=//p' "$IMAGES_DIR/secrets/$service-db.env")"
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qtA -v ON_ERROR_STOP=1 \
      -v user="$user" -v password="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" PASSWORD :'password';
SQL
    if [ -z "$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qtA \
      -c "SELECT 1 FROM pg_database WHERE datname = 'ticketing_$service$IMAGES_DB_SUFFIX'")" ]; then
      createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -O "$user" "ticketing_$service$IMAGES_DB_SUFFIX"
    fi
  done
}

# start_container <name> <port> <log>: starts the image <name> as its Deployment runs it; prints the
# container's process id (bin/stop signals it as it signals a process of bin/run).
start_container() {
  local name="$1" port="$2" log="$3" ports=() args entry
  for entry in "${IMAGE_PORTS[@]}"; do ports+=(--port "$entry"); done
  mkdir -p "$IMAGES_DIR/files/$name"
  mapfile -d '' args < <(python3 "$CONTAINERS_DIR/pod.py" "$IMAGES_DIR/manifests.yaml" "$name" \
    --files "$IMAGES_DIR/files/$name" "${ports[@]}")
  [ "${#args[@]}" -gt 0 ] || die "no container arguments for $name"
  podman rm --force --ignore "ticketing-$name" >/dev/null
  rm -f "$log"
  # No periodic health checks: they need systemd's timers, and Kubernetes runs its own probes;
  # infra/containers/image-test.sh runs the image's HEALTHCHECK itself.
  podman run --detach --rm --pull=never --name "ticketing-$name" --health-interval=disable \
    "${args[@]}" "localhost/$name" >/dev/null
  # The container's output, as kubectl logs shows it, until the container is gone.
  nohup podman logs --follow "ticketing-$name" >"$log" 2>&1 &
  podman inspect --format '{{.State.Pid}}' "ticketing-$name"
}
