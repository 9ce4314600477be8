# shellcheck shell=bash
# What the benchmark scripts (build/bench-*.sh) share: apps in their own process groups, stopped with the throwaway
# servers on exit; waiting for HTTP; the tools they need; the machine and load lines their figures carry.
# Set LOG_TAG before sourcing it; DATABASE names the benchmark database.

BENCH_LIB=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=common.sh
source "$BENCH_LIB/common.sh"
# shellcheck source=deps.sh
source "$BENCH_LIB/deps.sh"
# shellcheck source=services.sh
source "$BENCH_LIB/services.sh"

APP_PIDS=()
stop_apps() {
  local pid
  for pid in "${APP_PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${APP_PIDS[@]}"; do
    for _ in {1..100}; do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  APP_PIDS=()
}

on_exit() {
  local rc=$?
  trap '' INT TERM
  trap - EXIT
  if ((rc != 0)) && [[ -n $WORK_DIR ]]; then
    local f
    for f in "$WORK_DIR"/*.log; do
      [[ -f $f ]] || continue
      warn "last lines of $(basename "$f"):"
      tail -n 25 "$f" >&2
    done
  fi
  stop_apps
  stop_all_quietly
  exit "$rc"
}
trap on_exit EXIT
trap 'warn "interrupted"; exit 130' INT
trap 'warn "terminated"; exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

die() { warn "$*"; exit 1; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
# Share of the last 10 s in which runnable tasks waited for a CPU (Linux PSI), when the kernel reports it.
cpu_pressure() { sed -n 's/^some avg10=\([0-9.]*\).*/\1%/p' /proc/pressure/cpu 2>/dev/null || true; }
psql_db() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DATABASE" -v ON_ERROR_STOP=1 -Atq "$@"; }
connection_string() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DATABASE"; }
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"; } # field NAME LINE
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo MISSED; fi; }
ratio() { awk "BEGIN { printf \"%.${3:-3}f\", $1 / $2 }"; } # ratio A B [DECIMALS]: A/B

warn_when_busy() {
  START_LOAD="$(load_average) (CPU pressure $(cpu_pressure))"
  log "load average: $START_LOAD on $(nproc) cores"
  awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN { exit !(l > n) }' &&
    warn "the machine is busy (load above the core count): figures will be lower and noisier than on a quiet machine"
  return 0
}

install_tools() {
  local pkgs=()
  pg_bin_dir >/dev/null || pkgs+=(postgresql)
  command -v wrk >/dev/null || pkgs+=(wrk)
  command -v curl >/dev/null || pkgs+=(curl)
  ((${#pkgs[@]} == 0)) && return 0
  ((EUID == 0)) || die "missing ${pkgs[*]} and not root: install them (apt-get install ${pkgs[*]})"
  log "installing: ${pkgs[*]}"
  apt_retry update && apt_retry install -y "${pkgs[@]}"
}

# build_release PROJECT...: Release builds, errors shown on failure.
build_release() {
  local project
  for project in "$@"; do
    log "dotnet build $project -c Release"
    run_in_group dotnet build "$project" -c Release -nologo -v quiet "-flp:LogFile=$WORK_DIR/build.log;Verbosity=minimal;Append" \
      >/dev/null 2>&1 || { grep -E ': error ' "$WORK_DIR/build.log" | sort -u | head -n 30 >&2; die "build of $project failed"; }
  done
}

# wait_for_http URL STATUS PID: until URL answers STATUS (the process must stay alive meanwhile).
wait_for_http() {
  local url=$1 status=$2 pid=$3 code
  for _ in {1..600}; do
    kill -0 "$pid" 2>/dev/null || die "the server for $url exited during startup"
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    [[ $code == "$status" ]] && return 0
    sleep 0.2
  done
  die "$url did not answer $status within 120 s"
}

# start_server NAME PORT DLL ENV...: runs the app in its own process group (stopped by stop_apps).
start_server() {
  local name=$1 port=$2 dll=$3
  shift 3
  setsid env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$WORK_DIR/$name.log" 2>&1 </dev/null &
  APP_PIDS+=($!)
  LAST_PID=$!
}

machine() {
  local cpu mem
  cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
  mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "$(nproc) cores (${cpu:-unknown CPU}), $mem RAM, $(uname -sr), .NET $(dotnet --version), PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}'), $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
}

# start_bench_postgres: the tools, a work dir, a throwaway PostgreSQL and the database DATABASE.
start_bench_postgres() {
  phase_start install
  install_tools
  make_work_dir
  phase_start postgres
  start_postgres || die "could not start PostgreSQL"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DATABASE"
}

# measured_by: the first line of a section of docs/benchmarks.md, naming the script, the time and the commit.
measured_by() {
  echo "Measured by \`build/$(basename "$0")\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)."
}

# write_docs_section HEADING_REGEX TEXT: replaces the script's own section of DOCS (unless DOCS is empty).
write_docs_section() {
  [[ -n $DOCS ]] || return 0
  local path=$DOCS
  [[ $path == /* ]] || path=$REPO/$DOCS
  printf '%s\n' "$2" >"$WORK_DIR/docs-section.md"
  splice_docs_section "$1" "$WORK_DIR/docs-section.md" "$path"
  log "figures written to $DOCS"
}
