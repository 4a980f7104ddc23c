#!/usr/bin/env bash
# Rehearses the container images on a machine without a Docker engine: for each image it reads the
# Dockerfile instruction by instruction and does what `docker build` would, on this host.
#   1. The build context as Docker would send it: the context directory minus its .dockerignore.
#   2. The build stage(s): each stage's / is a temporary directory, WORKDIR and COPY are mapped
#      into it, RUN runs there with bash and the stage's ARG and ENV values exported (JDK 25 and
#      Node from this machine stand in for the base images').
#   3. The runtime (last) stage: its filesystem assembled from COPY --from=<stage>; its own RUNs
#      only change the base image (users, removing npm) and are skipped. Its layout is checked.
#   4. The runtime layout started with the stage's ENV (PORT moved to a free port), USER (with
#      setpriv, when run as root: the files stay root-owned, so the app must not need to write
#      them) and ENTRYPOINT/CMD, until the HEALTHCHECK's own command passes.
# Any instruction or .dockerignore pattern it does not know stops it, so the rehearsal cannot
# silently drift from the files.
#
# Usage: infra/docker/rehearse.sh [image...]   images: auth-service tickets-service
#        orders-service payments-service client; none = all five. KEEP=1 keeps the work dirs.
set -euo pipefail
umask 022

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../local/lib.sh
source "$script_dir/../local/lib.sh"

ALL_IMAGES=(auth-service tickets-service orders-service payments-service client)
BUILD_ONLY_PACKAGES=(typescript eslint vitest @testing-library prettier)

usage() {
  printf 'Usage: %s [image...]\n  images: %s (default: all)\n  KEEP=1 keeps the work directories.\n' \
    "${0##*/}" "${ALL_IMAGES[*]}" >&2
}

images=()
for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
    auth-service | tickets-service | orders-service | payments-service | client) images+=("$arg") ;;
    *) usage; die "unknown image '$arg'" ;;
  esac
done
[ "${#images[@]}" -gt 0 ] || images=("${ALL_IMAGES[@]}")

now() { printf '%s' "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
trim() { # trim <string>: prints it without leading and trailing white space
  local s="$1"
  s="${s#"${s%%[![:space:]]*}"}"
  printf '%s' "${s%"${s##*[![:space:]]}"}"
}

# --- processes and directories to clean up, whatever happens ----------------------------------

CLEAN_PIDS=()   # process group ids (each started with setsid, so pid = pgid)
CLEAN_DIRS=()
CURRENT_LOG=""  # shown (its tail) when the script fails

alive() { # alive <pid>: running and not a zombie
  local state
  state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

stop_group() { # stop_group <pgid> [seconds]: TERM, up to 30 s for a graceful exit, then KILL
  local pid="$1" seconds="${2:-30}" i
  if alive "$pid"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < seconds * 2; i++)); do
      alive "$pid" || break
      sleep 0.5
    done
  fi
  # Whatever is left of the group, the leader too. Safe before the wait: until the leader is
  # reaped its pid, and so the group id, cannot be reused.
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

forget_pid() {
  local pid="$1" kept=() p
  for p in "${CLEAN_PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  CLEAN_PIDS=("${kept[@]}")
}

remove_dir() { # remove_dir <dir>: unless KEEP is set
  local dir="$1" kept=() d
  if [ -n "${KEEP:-}" ]; then
    say "KEEP is set: kept $dir"
  else
    rm -rf "$dir"
  fi
  for d in "${CLEAN_DIRS[@]}"; do [ "$d" = "$dir" ] || kept+=("$d"); done
  CLEAN_DIRS=("${kept[@]}")
}

on_exit() {
  local rc=$? pid dir
  set +e
  trap - EXIT INT TERM
  if [ "$rc" -ne 0 ] && [ -n "$CURRENT_LOG" ] && [ -s "$CURRENT_LOG" ]; then
    printf -- '---- last 60 lines of %s ----\n' "$CURRENT_LOG" >&2
    tail -n 60 "$CURRENT_LOG" >&2
    printf -- '---- end of log (KEEP=1 keeps the work directory) ----\n' >&2
  fi
  for pid in "${CLEAN_PIDS[@]}"; do stop_group "$pid" 10; done
  for dir in "${CLEAN_DIRS[@]}"; do remove_dir "$dir"; done
  exit "$rc"
}
trap on_exit EXIT
trap 'say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

declare -A USED_PORTS=()
PICKED_PORT=""
pick_port() { # sets PICKED_PORT to a port in 18000-18999 that nothing listens on
  local start=$((RANDOM % 1000)) i p
  for ((i = 0; i < 1000; i++)); do
    p=$((18000 + (start + i) % 1000))
    [ -z "${USED_PORTS[$p]:-}" ] || continue
    port_open "$p" && continue
    USED_PORTS[$p]=1
    PICKED_PORT="$p"
    return 0
  done
  die "no free port in 18000-18999"
}

# --- the build context: the context directory minus what .dockerignore excludes ---------------

REGEX=""
pattern_regex() { # pattern_regex <pattern> <where>: sets REGEX (POSIX ERE) or dies
  local p="$1" where="$2" out="" i c
  case "$p" in
    '!'*) die "$where: '$p': exceptions (!) are not supported by the rehearsal" ;;
  esac
  case "$p" in
    *'['* | *']'* | *'\'*) die "$where: '$p': character classes and escapes are not supported by the rehearsal" ;;
  esac
  while [[ "$p" == ./* ]]; do p="${p#./}"; done
  while [[ "$p" == /* ]]; do p="${p#/}"; done
  while [[ "$p" == */ ]]; do p="${p%/}"; done
  [ -n "$p" ] && [ "$p" != . ] || die "$where: '$1' would exclude the whole context; not supported"
  case "/$p/" in
    */../* | */./* | *//*) die "$where: '$1': '.', '..' or '//' inside a pattern is not supported" ;;
  esac
  for ((i = 0; i < ${#p}; i++)); do
    c="${p:i:1}"
    case "$c" in
      '*')
        if [ "${p:i+1:1}" = '*' ]; then
          [ "$i" -eq 0 ] || [ "${p:i-1:1}" = / ] || die "$where: '$1': '**' must be a whole path segment"
          if [ "${p:i+2:1}" = / ]; then
            out+='(.*/)?'
            i=$((i + 2))
          elif [ $((i + 2)) -eq "${#p}" ]; then
            out+='.*'
            i=$((i + 1))
          else
            die "$where: '$1': '**' must be a whole path segment"
          fi
        else
          out+='[^/]*'
        fi
        ;;
      '?') out+='[^/]' ;;
      '.' | '+' | '(' | ')' | '|' | '^' | '$' | '{' | '}') out+="\\$c" ;;
      *) out+="$c" ;;
    esac
  done
  REGEX="$out"
}

copy_context() { # copy_context <context dir> <destination> <probe paths that must be excluded...>
  local ctx="$1" dest="$2" ignore="$1/.dockerignore" line n=0 alt="" count probe found
  shift 2
  local regexes=()
  if [ -f "$ignore" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      n=$((n + 1))
      line="$(trim "${line%$'\r'}")"
      [ -n "$line" ] && [[ "$line" != \#* ]] || continue
      pattern_regex "$line" "${ignore#"$ROOT"/}:$n"
      regexes+=("$REGEX")
    done <"$ignore"
  fi
  if [ "${#regexes[@]}" -gt 0 ]; then
    alt="$(IFS='|'; printf '%s' "${regexes[*]}")"
  fi
  # node_modules and target directories must never reach the context, even ones that do not
  # exist today: the .dockerignore has to exclude them.
  for probe in "$@"; do
    [ -n "$alt" ] && grep -Eq "^($alt)(/.*)?\$" <<<"$probe" \
      || die "${ignore#"$ROOT"/} does not exclude $probe: a local one would be sent to the Docker build"
  done
  mkdir -p "$dest"
  if [ -n "$alt" ]; then
    (cd "$ctx" && find . -mindepth 1 -regextype posix-extended -regex "\\./($alt)" -prune -o -print0)
  else
    (cd "$ctx" && find . -mindepth 1 -print0)
  fi | tar -C "$ctx" --null --no-recursion -T - -cf - | tar -C "$dest" -xf -
  found="$(cd "$dest" && find . \( -name node_modules -o -name target -o -name .git \) -print | head -n 5)"
  [ -z "$found" ] || die "the build context copy contains $(tr '\n' ' ' <<<"$found")— ${ignore#"$ROOT"/} lets them through"
  count="$(find "$dest" -type f | wc -l)"
  say "[$IMAGE] build context: ${ctx#"$ROOT"/} minus ${#regexes[@]} .dockerignore patterns: $count files ($(du -sh "$dest" | cut -f1))"
}

# --- the Dockerfile ------------------------------------------------------------------------------

DF_LINES=()
DF_LINENOS=()
read_dockerfile() { # read_dockerfile <file>: logical instructions into DF_LINES, DF_LINENOS
  local file="$1" line n=0 buf="" start=0 directives=yes name
  DF_LINES=()
  DF_LINENOS=()
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    line="${line%$'\r'}"
    if [ "$directives" = yes ] && [[ "$line" =~ ^#[[:space:]]*([A-Za-z]+)[[:space:]]*= ]]; then
      name="${BASH_REMATCH[1],,}"
      case "$name" in
        syntax | check) continue ;;
        *) die "$file:$n: the parser directive '$name' is not supported by the rehearsal" ;;
      esac
    fi
    directives=no
    [[ "$line" =~ ^[[:space:]]*# ]] && continue
    [[ "$line" =~ ^[[:space:]]*$ ]] && continue
    [ -n "$buf" ] || start="$n"
    if [[ "$line" =~ ^(.*)\\[[:space:]]*$ ]]; then
      buf+="${BASH_REMATCH[1]}"
      continue
    fi
    buf+="$line"
    DF_LINES+=("$(trim "$buf")")
    DF_LINENOS+=("$start")
    buf=""
  done <"$file"
  [ -z "$buf" ] || die "$file: the last instruction ends with a line continuation"
}

WORDS=()
split_words() { # split_words <string>: WORDS from shell-like words ("..." and '...' quoting)
  local s="$1" i c word="" inword=no q=""
  WORDS=()
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    if [ -n "$q" ]; then
      if [ "$c" = "$q" ]; then
        q=""
      elif [ "$c" = '\' ] && [ "$q" = '"' ] && [ $((i + 1)) -lt "${#s}" ]; then
        i=$((i + 1))
        word+="${s:i:1}"
      else
        word+="$c"
      fi
    else
      case "$c" in
        ' ' | $'\t')
          if [ "$inword" = yes ]; then WORDS+=("$word"); fi
          word=""
          inword=no
          ;;
        '"' | "'") q="$c"; inword=yes ;;
        '\') i=$((i + 1)); word+="${s:i:1}"; inword=yes ;;
        *) word+="$c"; inword=yes ;;
      esac
    fi
  done
  [ -z "$q" ] || die "$WHERE: unterminated quote in: $s"
  if [ "$inword" = yes ]; then WORDS+=("$word"); fi
}

parse_exec_form() { # parse_exec_form <json array>: WORDS, or dies
  local s re w out i c
  s="$(trim "$1")"
  re='^[[:space:]]*"(([^"\\]|\\.)*)"[[:space:]]*(,|$)'
  WORDS=()
  [[ "$s" == \[*\] ]] || die "$WHERE: only the exec (JSON array) form is supported by the rehearsal: $1"
  s="${s:1:${#s}-2}"
  while [ -n "$(trim "$s")" ]; do
    [[ "$s" =~ $re ]] || die "$WHERE: cannot read the JSON array: $1"
    w="${BASH_REMATCH[1]}"
    s="${s:${#BASH_REMATCH[0]}}"
    if [[ "$w" == *\\* ]]; then
      out=""
      for ((i = 0; i < ${#w}; i++)); do
        c="${w:i:1}"
        if [ "$c" = '\' ]; then
          i=$((i + 1))
          case "${w:i:1}" in
            '"' | '\' | /) out+="${w:i:1}" ;;
            *) die "$WHERE: the JSON escape \\${w:i:1} is not supported by the rehearsal" ;;
          esac
        else
          out+="$c"
        fi
      done
      w="$out"
    fi
    WORDS+=("$w")
  done
  [ "${#WORDS[@]}" -gt 0 ] || die "$WHERE: empty command"
}

no_variables() { # no_variables <instruction> <text>: the rehearsal does not substitute them there
  [[ "$2" != *'$'* ]] || die "$WHERE: variable substitution in $1 is not supported by the rehearsal: $2"
}

# Per-image state, reset by rehearse_image.
declare -A BUILD_ARGS=() USED_BUILD_ARGS=() GLOBAL_ARGS=() STAGE_ROOTS=()
declare -A STAGE_VARS=() STAGE_ENV=()
STAGE_COUNT=0 STAGE_INDEX=-1 STAGE_ROOT="" STAGE_WORKDIR="/" WHERE=""
STAGE_WORKDIRS=()
RT_KIND="" RT_BASE="" RT_USER="" RT_EXPOSE="" RT_HEALTH="" RT_HAS_ENTRYPOINT=no RT_SKIPPED=0 CHOWN_SEEN=""
RT_ENTRYPOINT=() RT_CMD=()
IMAGE="" WORK="" CTX_COPY="" BUILD_LOG=""
DRY=no # yes: the first pass over the Dockerfile, which only reads it, so that an unsupported
       # instruction stops the rehearsal before anything is built

reset_dockerfile_state() {
  USED_BUILD_ARGS=() GLOBAL_ARGS=() STAGE_ROOTS=() STAGE_VARS=() STAGE_ENV=()
  STAGE_INDEX=-1 STAGE_ROOT="" STAGE_WORKDIR=/ STAGE_WORKDIRS=()
  RT_KIND="" RT_BASE="" RT_USER="" RT_EXPOSE="" RT_HEALTH="" RT_HAS_ENTRYPOINT=no RT_SKIPPED=0 CHOWN_SEEN=""
  RT_ENTRYPOINT=() RT_CMD=()
}

is_last_stage() { [ "$STAGE_INDEX" -eq $((STAGE_COUNT - 1)) ]; }

df_from() {
  local base name="" major
  split_words "$1"
  [[ "${WORDS[0]:-}" != --* ]] || die "$WHERE: FROM ${WORDS[0]} is not supported by the rehearsal"
  case "${#WORDS[@]}" in
    1) ;;
    3) [ "${WORDS[1],,}" = as ] || die "$WHERE: cannot read FROM $1"; name="${WORDS[2]}" ;;
    *) die "$WHERE: cannot read FROM $1" ;;
  esac
  base="${WORDS[0]}"
  no_variables FROM "$base"
  [ -z "${STAGE_ROOTS[$base]:-}" ] || die "$WHERE: a stage based on another stage ($base) is not supported by the rehearsal"
  STAGE_INDEX=$((STAGE_INDEX + 1))
  STAGE_ROOT="$WORK/fs-$STAGE_INDEX${name:+-$name}"
  STAGE_WORKDIR=/
  STAGE_WORKDIRS=()
  STAGE_VARS=()
  STAGE_ENV=()
  STAGE_ROOTS[$STAGE_INDEX]="$STAGE_ROOT"
  [ -z "$name" ] || STAGE_ROOTS[$name]="$STAGE_ROOT"
  case "$base" in
    eclipse-temurin:*)
      major="${base#eclipse-temurin:}"
      major="${major%%[!0-9]*}"
      [ "$major" = 25 ] || die "$WHERE: the rehearsal has JDK 25 only; the image asks for $base"
      is_last_stage && RT_KIND=java RT_BASE="$base"
      ;;
    node:*) is_last_stage && RT_KIND=node RT_BASE="$base" ;;
    *) die "$WHERE: the rehearsal knows no local stand-in for the base image $base" ;;
  esac
  [ "$DRY" = no ] || return 0
  mkdir -p "$STAGE_ROOT"
  local role=build
  is_last_stage && role=runtime
  say "[$IMAGE] stage $STAGE_INDEX${name:+ ($name)}, the $role stage: FROM $base; its / is $STAGE_ROOT"
  case "$base" in
    eclipse-temurin:*)
      use_jdk25
      say "[$IMAGE]   the image's Java is $base; here: $(java -version 2>&1 | head -n 1) at $JAVA_HOME"
      ;;
    node:*)
      major="${base#node:}"
      major="${major%%[!0-9]*}"
      ensure_node
      say "[$IMAGE]   the image has Node ${major:-?} ($base); here: Node $(node --version), npm $(npm --version) at $(dirname "$(command -v node)")"
      ;;
  esac
  return 0
}

df_arg() {
  local word name value has_value
  split_words "$1"
  [ "${#WORDS[@]}" -gt 0 ] || die "$WHERE: ARG without a name"
  for word in "${WORDS[@]}"; do
    name="${word%%=*}"
    has_value=no
    value=""
    if [[ "$word" == *=* ]]; then
      has_value=yes
      value="${word#*=}"
    fi
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "$WHERE: bad ARG name '$name'"
    no_variables ARG "$value"
    if [ "$STAGE_INDEX" -lt 0 ]; then
      if [ -n "${BUILD_ARGS[$name]+x}" ]; then
        GLOBAL_ARGS[$name]="${BUILD_ARGS[$name]}"
        USED_BUILD_ARGS[$name]=1
      elif [ "$has_value" = yes ]; then
        GLOBAL_ARGS[$name]="$value"
      fi
      continue
    fi
    if [ -n "${BUILD_ARGS[$name]+x}" ]; then
      STAGE_VARS[$name]="${BUILD_ARGS[$name]}"
      USED_BUILD_ARGS[$name]=1
    elif [ "$has_value" = yes ]; then
      STAGE_VARS[$name]="$value"
    elif [ -n "${GLOBAL_ARGS[$name]+x}" ]; then
      STAGE_VARS[$name]="${GLOBAL_ARGS[$name]}"
    fi
    if [ "$DRY" = yes ]; then
      :
    elif [ -n "${STAGE_VARS[$name]+x}" ]; then
      say "[$IMAGE]   ARG $name=${STAGE_VARS[$name]}"
    else
      say "[$IMAGE]   ARG $name (no value)"
    fi
  done
}

df_env() {
  local word name value
  split_words "$1"
  [ "${#WORDS[@]}" -gt 0 ] || die "$WHERE: ENV without a value"
  for word in "${WORDS[@]}"; do
    [[ "$word" == *=* ]] || die "$WHERE: only the ENV KEY=VALUE form is supported by the rehearsal: ENV $1"
    name="${word%%=*}"
    value="${word#*=}"
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "$WHERE: bad ENV name '$name'"
    no_variables ENV "$value"
    STAGE_ENV[$name]="$value"
    STAGE_VARS[$name]="$value"
  done
}

df_workdir() {
  local dir
  dir="$(trim "$1")"
  no_variables WORKDIR "$dir"
  [[ "$dir" == /* ]] || dir="${STAGE_WORKDIR%/}/$dir"
  case "/$dir/" in */../* | */./*) die "$WHERE: WORKDIR with '.' or '..' is not supported by the rehearsal" ;; esac
  STAGE_WORKDIR="$dir"
  STAGE_WORKDIRS+=("$dir")
  [ "$DRY" = yes ] || mkdir -p "$STAGE_ROOT$dir"
}

df_copy() {
  local rest="$1" from="" flag dest src path src_root into_dir=no dest_map what shown
  no_variables COPY "$rest"
  while [[ "$rest" == --* ]]; do
    flag="${rest%%[[:space:]]*}"
    rest="$(trim "${rest#"$flag"}")"
    case "$flag" in
      --from=*) from="${flag#--from=}" ;;
      --chown=*) CHOWN_SEEN="${flag#--chown=}" ;;
      *) die "$WHERE: COPY $flag is not supported by the rehearsal" ;;
    esac
  done
  [[ "$rest" != \[* ]] || die "$WHERE: the JSON form of COPY is not supported by the rehearsal"
  [[ "$rest" != *[\"\']* ]] || die "$WHERE: quoted COPY paths are not supported by the rehearsal"
  local args=()
  read -r -a args <<<"$rest"
  [ "${#args[@]}" -ge 2 ] || die "$WHERE: COPY needs a source and a destination"
  dest="${args[-1]}"
  local srcs=("${args[@]:0:${#args[@]}-1}")
  if [ -n "$from" ]; then
    src_root="${STAGE_ROOTS[$from]:-}"
    [ -n "$src_root" ] || die "$WHERE: COPY --from=$from: not an earlier stage of this file (copying from an image is not rehearsed)"
    what="stage $from"
  else
    src_root="$CTX_COPY"
    what="the build context"
  fi
  if [ "${#srcs[@]}" -gt 1 ] && [[ "$dest" != */ ]]; then
    die "$WHERE: COPY with several sources needs a destination ending in / (docker build refuses it)"
  fi
  shown="$dest"
  [[ "$dest" == /* ]] || dest="${STAGE_WORKDIR%/}/$dest"
  case "$dest" in */ | */.) into_dir=yes ;; esac
  [ "${#srcs[@]}" -eq 1 ] || into_dir=yes
  dest_map="$STAGE_ROOT$dest"
  for src in "${srcs[@]}"; do
    case "$src" in *'*'* | *'?'* | *'['*) die "$WHERE: wildcards in COPY sources are not supported by the rehearsal" ;; esac
    case "/$src/" in */../*) die "$WHERE: '..' in a COPY source is not supported" ;; esac
  done
  [ "$DRY" = no ] || return 0
  for src in "${srcs[@]}"; do
    path="$src_root/${src#/}"
    [ -e "$path" ] || [ -L "$path" ] \
      || die "$WHERE: COPY ${from:+--from=$from }$src: not found in $what; docker build would fail here"
    if [ -d "$path" ]; then
      mkdir -p "$dest_map"
      cp -a "$path/." "$dest_map/"
    elif [ "$into_dir" = yes ] || [ -d "$dest_map" ]; then
      mkdir -p "$dest_map"
      cp -a "$path" "$dest_map/"
    else
      mkdir -p "$(dirname "$dest_map")"
      cp -a "$path" "$dest_map"
    fi
  done
  say "[$IMAGE]   COPY ${from:+--from=$from }${srcs[*]} $shown (from $what into ${dest_map#"$WORK"/})"
}

df_run() {
  local rest="$1" flag dir name pid t vars=() shown=() wd
  while [[ "$rest" == --* ]]; do
    flag="${rest%%[[:space:]]*}"
    rest="$(trim "${rest#"$flag"}")"
    case "$flag" in
      --mount=*type=cache*)
        [[ "$flag" == *target=* ]] || die "$WHERE: a cache mount without a target"
        flag="${flag#*target=}"
        [ "$DRY" = yes ] || say "[$IMAGE]   cache mount ${flag%%,*}: this machine's own cache serves instead (~/.m2, ~/.npm)"
        ;;
      *) die "$WHERE: RUN $flag is not supported by the rehearsal (only --mount=type=cache)" ;;
    esac
  done
  [[ "$rest" != \[* ]] || die "$WHERE: the exec form of RUN is not supported by the rehearsal"
  [[ "$rest" != *'<<'* ]] || die "$WHERE: heredocs in RUN are not supported by the rehearsal"
  if is_last_stage; then
    RT_SKIPPED=$((RT_SKIPPED + 1))
    [ "$DRY" = no ] || return 0
    say "[$IMAGE]   skipped RUN in the runtime stage (it changes the base image, not the app's files): $rest"
    return 0
  fi
  for wd in "${STAGE_WORKDIRS[@]}"; do
    [[ "$rest" != *"$wd"* ]] || die "$WHERE: RUN names the absolute path $wd, which the rehearsal cannot map: $rest"
  done
  [ "$DRY" = no ] || return 0
  dir="$STAGE_ROOT$STAGE_WORKDIR"
  mkdir -p "$dir"
  vars=(NEXT_TELEMETRY_DISABLED=1)
  for name in "${!STAGE_VARS[@]}"; do
    vars+=("$name=${STAGE_VARS[$name]}")
    shown+=("$name=${STAGE_VARS[$name]}")
  done
  say "[$IMAGE]   RUN $rest"
  say "[$IMAGE]       in $STAGE_WORKDIR${shown[*]:+, with ${shown[*]}} (log: $BUILD_LOG)"
  printf '\n$ %s\n' "$rest" >>"$BUILD_LOG"
  t="$(now)"
  CURRENT_LOG="$BUILD_LOG"
  (cd "$dir" && exec setsid env "${vars[@]}" bash -c "$rest") </dev/null >>"$BUILD_LOG" 2>&1 &
  pid=$!
  CLEAN_PIDS+=("$pid")
  wait "$pid" || die "[$IMAGE] $WHERE failed: RUN $rest"
  forget_pid "$pid"
  CURRENT_LOG=""
  say "[$IMAGE]       done in $(since "$t")s"
}

df_healthcheck() {
  local rest="$1" flag
  while [[ "$rest" == --* ]]; do
    flag="${rest%%[[:space:]]*}"
    rest="$(trim "${rest#"$flag"}")"
    case "$flag" in
      --interval=* | --timeout=* | --start-period=* | --start-interval=* | --retries=*) ;;
      *) die "$WHERE: HEALTHCHECK $flag is not known to the rehearsal" ;;
    esac
  done
  case "$rest" in
    CMD\ \[*) die "$WHERE: only the shell form of HEALTHCHECK CMD is supported by the rehearsal" ;;
    CMD\ *) RT_HEALTH="$(trim "${rest#CMD}")" ;;
    *) die "$WHERE: HEALTHCHECK must be 'CMD <command>' for the rehearsal (NONE is not supported)" ;;
  esac
}

run_dockerfile() { # run_dockerfile <Dockerfile>: reads it whole first, then does what it says
  read_dockerfile "$1"
  DRY=yes
  reset_dockerfile_state
  dockerfile_pass "$1"
  check_runtime_stage
  DRY=no
  reset_dockerfile_state
  dockerfile_pass "$1"
}

dockerfile_pass() {
  local file="$1" i logical instr rest name
  STAGE_COUNT=0
  for logical in "${DF_LINES[@]}"; do
    [[ "${logical%%[[:space:]]*}" != [Ff][Rr][Oo][Mm] ]] || STAGE_COUNT=$((STAGE_COUNT + 1))
  done
  [ "$STAGE_COUNT" -ge 2 ] || die "$file: the rehearsal expects a build stage and a runtime stage"
  for i in "${!DF_LINES[@]}"; do
    logical="${DF_LINES[i]}"
    WHERE="${file#"$ROOT"/}:${DF_LINENOS[i]}"
    instr="${logical%%[[:space:]]*}"
    rest="$(trim "${logical#"$instr"}")"
    instr="${instr^^}"
    if [ "$STAGE_INDEX" -lt 0 ] && [ "$instr" != ARG ] && [ "$instr" != FROM ]; then
      die "$WHERE: $instr before the first FROM"
    fi
    case "$instr" in
      FROM) df_from "$rest" ;;
      ARG) df_arg "$rest" ;;
      ENV) df_env "$rest" ;;
      WORKDIR) df_workdir "$rest" ;;
      COPY) df_copy "$rest" ;;
      RUN) df_run "$rest" ;;
      USER)
        no_variables USER "$rest"
        is_last_stage || die "$WHERE: USER in a build stage is not supported by the rehearsal (its RUNs run as root here)"
        RT_USER="$rest"
        ;;
      EXPOSE)
        no_variables EXPOSE "$rest"
        is_last_stage && RT_EXPOSE="$rest"
        ;;
      HEALTHCHECK) is_last_stage && df_healthcheck "$rest" ;;
      ENTRYPOINT)
        parse_exec_form "$rest"
        if is_last_stage; then
          RT_ENTRYPOINT=("${WORDS[@]}")
          RT_HAS_ENTRYPOINT=yes
          RT_CMD=() # as in Docker: a new ENTRYPOINT drops an earlier CMD
        fi
        ;;
      CMD)
        parse_exec_form "$rest"
        is_last_stage && RT_CMD=("${WORDS[@]}")
        ;;
      *) die "$WHERE: the rehearsal does not support the instruction $instr; teach infra/docker/rehearse.sh what it means first" ;;
    esac
  done
  for name in "${!BUILD_ARGS[@]}"; do
    [ -n "${USED_BUILD_ARGS[$name]:-}" ] || die "the build arg $name is not declared by $file"
  done
  true
}

# --- the runtime layout --------------------------------------------------------------------------

check_layout() { # check_layout <runtime workdir>: the image's files, nothing more
  local dir="$1" entry extra=() name jars pkg dev=()
  case "$RT_KIND" in
    java)
      [ -f "$dir/application.jar" ] || die "[$IMAGE] the runtime layout has no application.jar"
      [ -d "$dir/lib" ] || die "[$IMAGE] the runtime layout has no lib/"
      jars="$(find "$dir/lib" -name '*.jar' | wc -l)"
      [ "$jars" -gt 0 ] || die "[$IMAGE] lib/ holds no jars"
      for name in mvnw .mvn pom.xml src target extracted; do
        [ ! -e "$dir/$name" ] || die "[$IMAGE] the runtime layout contains $name from the build"
      done
      for entry in "$dir"/* "$dir"/.[!.]*; do
        [ -e "$entry" ] || continue
        case "${entry##*/}" in application.jar | lib) ;; *) extra+=("${entry##*/}") ;; esac
      done
      [ "${#extra[@]}" -eq 0 ] || die "[$IMAGE] the runtime layout holds more than application.jar and lib/: ${extra[*]}"
      LAYOUT_NOTE="application.jar + lib/ ($jars jars), nothing else"
      ;;
    node)
      [ -f "$dir/server.js" ] || die "[$IMAGE] the runtime layout has no server.js"
      [ -n "$(find "$dir/.next/static" -type f -print -quit 2>/dev/null)" ] || die "[$IMAGE] the runtime layout has no .next/static files"
      [ -d "$dir/node_modules" ] || die "[$IMAGE] the runtime layout has no node_modules"
      [ ! -e "$dir/src" ] || die "[$IMAGE] the runtime layout contains the sources (src/)"
      if [ -d "$CTX_COPY/public" ] && [ ! -d "$dir/public" ]; then
        die "[$IMAGE] the context has public/ but the runtime layout does not: the Dockerfile must copy it next to server.js"
      fi
      # devDependencies of package.json (one per line, as npm writes it) and the usual suspects
      if [ -f "$CTX_COPY/package.json" ]; then
        mapfile -t dev < <(awk '/"devDependencies"[[:space:]]*:/ { dev = 1; next }
          dev && /}/ { dev = 0 }
          dev && match($0, /"[^"]+"[[:space:]]*:/) { s = substr($0, RSTART + 1, RLENGTH - 1); sub(/"[[:space:]]*:$/, "", s); print s }' \
          "$CTX_COPY/package.json")
      fi
      for pkg in "${BUILD_ONLY_PACKAGES[@]}" "${dev[@]}"; do
        [ ! -e "$dir/node_modules/$pkg" ] || die "[$IMAGE] the runtime node_modules contains the build-only package $pkg"
      done
      jars="$( (find "$dir/node_modules" -mindepth 1 -maxdepth 1 -type d ! -name '.*' ! -name '@*'
        find "$dir/node_modules" -mindepth 2 -maxdepth 2 -type d -path '*/@*/*') | wc -l)"
      LAYOUT_NOTE="server.js, .next/static, node_modules ($jars packages, none of the ${#dev[@]} devDependencies), no src/"
      ;;
  esac
  say "[$IMAGE] layout checked: $LAYOUT_NOTE"
}

APP_PID=""
app_alive_or_die() {
  alive "$APP_PID" || die "[$IMAGE] the process exited during start-up"
}
healthcheck_passes() { # the HEALTHCHECK's own command, with the container's environment
  app_alive_or_die
  env -i "${APP_ENV[@]}" sh -c "$RT_HEALTH" >/dev/null 2>&1
}
http_200() { # http_200 <url>
  app_alive_or_die
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1")" = 200 ]
}

# The HEALTHCHECK runs here with this machine's tools, which the base image may lack. What the
# rehearsal knows of the base images: Temurin's from JDK 22 on ship neither curl nor wget, and
# node's -slim images have neither either (Debian slim plus Node).
check_healthcheck_tools() {
  local major
  [[ "$RT_HEALTH" =~ (^|[^[:alnum:]_.-])(curl|wget)([^[:alnum:]_.-]|$) ]] || return 0
  case "$RT_BASE" in
    eclipse-temurin:*)
      major="${RT_BASE#eclipse-temurin:}"
      major="${major%%[!0-9]*}"
      [ "${major:-0}" -lt 22 ] || die "[$IMAGE] the HEALTHCHECK uses ${BASH_REMATCH[2]}, which $RT_BASE does not have: $RT_HEALTH"
      ;;
    node:*-slim*) die "[$IMAGE] the HEALTHCHECK uses ${BASH_REMATCH[2]}, which $RT_BASE does not have: $RT_HEALTH" ;;
  esac
}

# What the runtime stage must say for the rehearsal (and a container) to start it; checked
# before anything is built.
check_runtime_stage() {
  [ -n "$RT_HEALTH" ] || die "[$IMAGE] the runtime stage has no HEALTHCHECK to wait for"
  check_healthcheck_tools
  [ -n "${STAGE_ENV[PORT]:-}" ] || die "[$IMAGE] the runtime stage sets no ENV PORT, so the rehearsal cannot move it to a free port"
  if [ -n "$RT_EXPOSE" ] && [ "${RT_EXPOSE%%/*}" != "${STAGE_ENV[PORT]}" ]; then
    die "[$IMAGE] the runtime stage says ENV PORT=${STAGE_ENV[PORT]} but EXPOSE $RT_EXPOSE"
  fi
  [ $((${#RT_ENTRYPOINT[@]} + ${#RT_CMD[@]})) -gt 0 ] || die "[$IMAGE] the runtime stage has neither ENTRYPOINT nor CMD"
}

APP_ENV=()
start_runtime() { # start_runtime <runtime workdir>: as the image would, until healthy
  local dir="$1" port name value uid gid who cmd=() priv=() rt_path home short resources t key what jwks
  local nats_port="" state=""
  cmd=("${RT_ENTRYPOINT[@]}" "${RT_CMD[@]}")
  [ "$RT_HAS_ENTRYPOINT" = yes ] || say "[$IMAGE] no ENTRYPOINT in the file: the base image's (node's docker-entrypoint.sh runs the CMD as given) is not rehearsed"

  pick_port
  port="$PICKED_PORT"
  case "$RT_KIND" in
    java) rt_path="$JAVA_HOME/bin"; home=/nonexistent ;;
    node) rt_path="$(dirname "$(command -v node)")"; home=/home/node ;;
  esac
  rt_path="$rt_path:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  APP_ENV=(PATH="$rt_path" HOME="$home" LANG=C.UTF-8)
  case "$RT_KIND" in
    java) APP_ENV+=(JAVA_HOME="$JAVA_HOME") ;;
    node) APP_ENV+=(NEXT_TELEMETRY_DISABLED=1) ;;
  esac
  for name in "${!STAGE_ENV[@]}"; do
    value="${STAGE_ENV[$name]}"
    [ "$name" != PORT ] || value="$port"
    APP_ENV+=("$name=$value")
  done

  case "$RT_USER" in
    '') uid=0; gid=0 ;;
    node) uid=1000; gid=1000 ;; # the node image's own user
    *[!0-9:]*) die "[$IMAGE] USER $RT_USER: the rehearsal knows no uid for that name" ;;
    *:*) uid="${RT_USER%%:*}"; gid="${RT_USER#*:}" ;;
    *) uid="$RT_USER"; gid="$RT_USER" ;;
  esac

  if [ "$RT_KIND" = java ]; then
    short="${IMAGE%-service}"
    resources="$CTX_COPY/$IMAGE/src/main/resources"
    ensure_postgres
    # A fresh database each time, as a new deployment has: Flyway migrates it from scratch.
    PGOPTIONS='-c client_min_messages=warning' psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc \
      "DROP DATABASE IF EXISTS ticketing_${short}_rehearsal WITH (FORCE)"
    ensure_database "ticketing_${short}_rehearsal"
    APP_ENV+=(DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" DB_USER="$PG_USER" DB_NAME="ticketing_${short}_rehearsal")
    if grep -rqs NATS_URL "$resources"; then
      # A nats-server of the rehearsal's own: the services create the streams TICKETS, ORDERS,
      # PAYMENTS and DEAD_LETTERS and durable consumers named after themselves (no prefix exists),
      # so on the machine's NATS a rehearsal would replay, and take, the running system's events.
      command -v nats-server >/dev/null || apt_install nats-server
      pick_port
      nats_port="$PICKED_PORT"
      mkdir -p "$WORK/nats"
      setsid nats-server -a 127.0.0.1 -p "$nats_port" -js -sd "$WORK/nats" -l "$WORK/nats.log" </dev/null >/dev/null 2>&1 &
      NATS_PID=$!
      CLEAN_PIDS+=("$NATS_PID")
      wait_for 30 "the rehearsal's nats-server" port_open "$nats_port"
      say "[$IMAGE] a nats-server with JetStream of the rehearsal's own on 127.0.0.1:$nats_port"
      APP_ENV+=(NATS_URL="nats://127.0.0.1:$nats_port")
    fi
    if grep -rqs TICKETING_STATE_DIR "$resources"; then
      state="$WORK/state"
      mkdir -p "$state"
      [ "$(id -u)" -ne 0 ] || chown "$uid:$gid" "$state"
      APP_ENV+=(TICKETING_STATE_DIR="$state")
    fi
    if grep -rqs TICKETING_SECURITY_JWKS_URI "$resources"; then
      # Fetched on the first authenticated request only (JwksKeyResolver), so nothing needs to
      # listen there for the service to start.
      pick_port
      APP_ENV+=(TICKETING_SECURITY_JWKS_URI="http://127.0.0.1:$PICKED_PORT/api/users/.well-known/jwks.json")
    fi
  fi

  who="as $(id -un) (uid $(id -u))"
  if [ "$(id -u)" -eq 0 ] && [ "$uid" != 0 ]; then
    if command -v setpriv >/dev/null; then
      priv=(setpriv --reuid "$uid" --regid "$gid" --clear-groups)
      who="as uid $uid, gid $gid (USER ${RT_USER}), its files root-owned"
    else
      who="as root: setpriv is missing, so USER $RT_USER is not rehearsed"
    fi
  fi
  chmod 755 "$WORK"
  local RUN_LOG="$WORK/run.log"
  say "[$IMAGE] starting ${cmd[*]} in ${RT_WORKDIR} (here $dir) on port $port, $who"
  say "[$IMAGE]   with the environment: $(printf '%q ' "${APP_ENV[@]}" | sed 's/ $//')"
  CURRENT_LOG="$RUN_LOG"
  t="$(now)"
  (cd "$dir" && exec setsid "${priv[@]}" env -i "${APP_ENV[@]}" "${cmd[@]}") </dev/null >"$RUN_LOG" 2>&1 &
  APP_PID=$!
  CLEAN_PIDS+=("$APP_PID")
  say "[$IMAGE] waiting for the HEALTHCHECK's command: $RT_HEALTH"
  wait_for 90 "[$IMAGE]'s HEALTHCHECK" healthcheck_passes
  STARTED_IN="$(since "$t")"
  say "[$IMAGE] the HEALTHCHECK passes after ${STARTED_IN}s"
  EXTRA_NOTE=""
  case "$RT_KIND" in
    java)
      wait_for 30 "[$IMAGE]'s readiness" http_200 "http://127.0.0.1:$port/actuator/health/readiness"
      wait_for 30 "[$IMAGE]'s health (database${nats_port:+ and NATS})" http_200 "http://127.0.0.1:$port/actuator/health"
      EXTRA_NOTE="liveness, readiness and health 200"
      if [ -n "$state" ]; then
        # The key a service generates into its state directory when run as a plain process, and
        # the JWKS that publishes its public half.
        case "$IMAGE" in
          auth-service) key=auth/signing-key.pem what="signing key" jwks=/api/users/.well-known/jwks.json ;;
          tickets-service) key=tickets/pass-key.pem what="pass key" jwks=/api/tickets/.well-known/jwks.json ;;
          *) die "[$IMAGE] names TICKETING_STATE_DIR, but the rehearsal knows no key it generates there" ;;
        esac
        [ -s "$state/$key" ] || die "[$IMAGE] no $what was generated at $state/$key"
        http_200 "http://127.0.0.1:$port$jwks" || die "[$IMAGE] the JWKS $jwks does not answer 200"
        EXTRA_NOTE+=", $what generated, JWKS 200"
      fi
      ;;
    node)
      name="$(cd "$dir/.next/static" && find . -type f -name '*.js' -print -quit)"
      [ -n "$name" ] || die "[$IMAGE] no JavaScript under .next/static"
      http_200 "http://127.0.0.1:$port/_next/static/${name#./}" || die "[$IMAGE] /_next/static/${name#./} does not answer 200"
      EXTRA_NOTE="/healthz and a /_next/static file 200"
      ;;
  esac
  if grep -Eq 'EACCES|EROFS|Permission denied|AccessDeniedException' "$RUN_LOG"; then
    say "[$IMAGE] warning: the log mentions a permission error (the app may want to write its files):"
    grep -E 'EACCES|EROFS|Permission denied|AccessDeniedException' "$RUN_LOG" | head -n 5 >&2
  fi
  say "[$IMAGE] healthy: $EXTRA_NOTE; stopping it"
  stop_group "$APP_PID"
  forget_pid "$APP_PID"
  if [ -n "$nats_port" ]; then
    stop_group "$NATS_PID"
    forget_pid "$NATS_PID"
  fi
  CURRENT_LOG=""
}

# --- one image -----------------------------------------------------------------------------------

SUMMARY=()
rehearse_image() {
  local context probes=() t0 t built_in layout_in name
  IMAGE="$1"
  BUILD_ARGS=()
  reset_dockerfile_state
  case "$IMAGE" in
    client)
      context="$ROOT/client"
      probes=(node_modules .next)
      ;;
    *)
      context="$ROOT"
      BUILD_ARGS[SERVICE]="$IMAGE"
      probes=(target common/target "$IMAGE/target" client/node_modules client/.next)
      ;;
  esac
  [ -f "$context/Dockerfile" ] || die "no Dockerfile in $context"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/rehearse-$IMAGE.XXXXXX")"
  CLEAN_DIRS+=("$WORK")
  chmod 755 "$WORK"
  BUILD_LOG="$WORK/build.log"
  CTX_COPY="$WORK/context"
  say "[$IMAGE] rehearsing ${context#"$ROOT"/}/Dockerfile${BUILD_ARGS[SERVICE]:+ with --build-arg SERVICE=$IMAGE} in $WORK"
  t0="$(now)"
  copy_context "$context" "$CTX_COPY" "${probes[@]}"
  run_dockerfile "$context/Dockerfile"
  RT_WORKDIR="$STAGE_WORKDIR"
  built_in="$(since "$t0")"
  [ -z "$CHOWN_SEEN" ] || say "[$IMAGE] COPY --chown=$CHOWN_SEEN is not rehearsed: the files stay root-owned (readable), which proves the app needs no write access to them"
  say "[$IMAGE] built in ${built_in}s; the runtime layout is $STAGE_ROOT$RT_WORKDIR ($RT_SKIPPED runtime RUNs skipped)"
  t="$(now)"
  check_layout "$STAGE_ROOT$RT_WORKDIR"
  layout_in="$(since "$t")"
  start_runtime "$STAGE_ROOT$RT_WORKDIR"
  remove_dir "$WORK"
  name="$(printf '%-16s' "$IMAGE")"
  SUMMARY+=("$name built ${built_in}s | layout checked (${LAYOUT_NOTE}) ${layout_in}s | started as ${RT_USER:-root} and healthy in ${STARTED_IN}s ($EXTRA_NOTE) | total $(since "$t0")s")
  printf 'ok: %s\n' "${SUMMARY[-1]}"
}

t_all="$(now)"
for image in "${images[@]}"; do
  rehearse_image "$image"
done
printf '\nrehearsal summary (%ss in all):\n' "$(since "$t_all")"
printf '  ok  %s\n' "${SUMMARY[@]}"
