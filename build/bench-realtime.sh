#!/usr/bin/env bash
# Realtime benchmark (issues 5, 12): CleanBackend's hub and SignalR's Redis backplane against a plain SignalR hub.
#
#   build/bench-realtime.sh [--connections 10000] [--rounds 15] [--rate 1000] [--seconds 10] [--users 100]
#                           [--only broadcasts|latency]   (a partial run does not touch docs/benchmarks.md)
#
# CLEANBACKEND_BENCH_SERVER_ENV="KEY=value ..." adds environment variables to every server process (plain hub and
# CleanBackend nodes alike), e.g. DOTNET_gcServer=0 to compare GC modes.
#
# Self-contained like build/test.sh: starts a throwaway PostgreSQL and Redis (build/lib), builds in Release,
# starts on loopback a plain SignalR hub (build/bench/PlainHub), two CleanBackend nodes sharing the database and
# Redis, and two hub nodes on SignalR's Redis backplane as CleanBackend configures it (build/bench/BackplaneHub) plus
# one without a backplane, then runs the load client
# (build/bench/RealtimeLoad) and stops everything on any exit. Prints the figures and writes them to
# docs/benchmarks.md, section "Realtime on the official Redis backplane (issue 12)", beside the home-made backplane's "Realtime (issue 5)" (other sections are left alone). Needs ~2 GB of RAM.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
LOG_TAG=bench-realtime
for lib in "$REPO"/build/lib/*.sh; do
  # shellcheck source=/dev/null
  source "$lib"
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

LOAD_ARGS=("$@")
SERVER_PIDS=()

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
on_exit() {
  local rc=$?
  trap '' INT TERM
  trap - EXIT
  stop_servers
  stop_all_quietly
  ((rc == 0)) || warn "failed (exit code $rc)"
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_server NAME PORT COMMAND...: runs a server in the background, output in $WORK_DIR/NAME.log.
start_server() {
  local name=$1 port=$2; shift 2
  local extra=()
  read -r -a extra <<<"${CLEANBACKEND_BENCH_SERVER_ENV:-}"
  env "${extra[@]}" "$@" --urls "http://127.0.0.1:$port" >"$WORK_DIR/$name.log" 2>&1 &
  SERVER_PIDS+=($!)
  eval "${name}_PID=$!"
  eval "${name}_URL=http://127.0.0.1:$port"
}

# wait_until_ready NAME URL: polls until the server answers HTTP at all (60 s at most); a node listens only once
# its startup (migrations included) is done.
wait_until_ready() {
  local name=$1 url=$2 pid_var="${1}_PID"
  for _ in {1..600}; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) != 000 ]] && return 0
    kill -0 "${!pid_var}" 2>/dev/null || break
    sleep 0.1
  done
  warn "$name did not answer $url (exited, or not within 60 s); its log:"
  tail -n 40 "$WORK_DIR/$name.log" >&2 || true
  return 1
}

main() {
  command -v curl >/dev/null || { warn "curl is needed"; exit 1; }
  # Thousands of sockets in the load client and the servers (they inherit the limit). The load client holds one
  # set of connections at a time, so the hard limit must exceed --connections by a little (20,000 here is enough).
  ulimit -n "$(ulimit -Hn)"
  make_work_dir
  start_postgres
  start_redis

  log "building (Release)"
  local project
  for project in src/WebApi build/bench/PlainHub build/bench/BackplaneHub build/bench/RealtimeLoad; do
    dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly
  done

  local signing_key admin_password database
  signing_key=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
  admin_password="bench-admin-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  database="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=cleanbackend_bench"
  local node_env=(
    ASPNETCORE_ENVIRONMENT=Production
    Database__Provider=Postgres "ConnectionStrings__Database=$database"
    "Realtime__Redis=127.0.0.1:$REDIS_PORT" Realtime__ChannelPrefix=bench
    "Auth__SigningKey=$signing_key" Auth__AccessTokenMinutes=60
    Admin__UserName=admin "Admin__Password=$admin_password"
    RateLimiting__AuthPermitsPerMinute=1000000
    "Storage__DataFolder=$WORK_DIR/data"
    # A line per request would only measure the console; warnings and errors are still written.
    Logging__LogLevel__Default=Warning
  )
  local webapi=src/WebApi/bin/Release/net10.0/CleanBackend.WebApi.dll

  log "starting servers"
  start_server PLAIN "$(free_port)" dotnet build/bench/PlainHub/bin/Release/net10.0/CleanBackend.PlainHub.dll
  # The same plain hub, signing its connections in as CleanBackend does (same key): the like-for-like memory baseline.
  start_server PLAINAUTH "$(free_port)" env "Auth__SigningKey=$signing_key" dotnet build/bench/PlainHub/bin/Release/net10.0/CleanBackend.PlainHub.dll
  # Node 1 first: it creates and migrates the database.
  start_server NODE1 "$(free_port)" env "${node_env[@]}" Node__Id=1 Node__Roles=api,jobs dotnet "$webapi"
  wait_until_ready NODE1 "$NODE1_URL/health/ready"
  start_server NODE2 "$(free_port)" env "${node_env[@]}" Node__Id=2 Node__Roles=api dotnet "$webapi"
  local backplane_env=("Realtime__Redis=127.0.0.1:$REDIS_PORT" Realtime__ChannelPrefix=bench-latency)
  start_server BACKPLANE1 "$(free_port)" env "${backplane_env[@]}" dotnet build/bench/BackplaneHub/bin/Release/net10.0/CleanBackend.BackplaneHub.dll
  start_server BACKPLANE2 "$(free_port)" env "${backplane_env[@]}" dotnet build/bench/BackplaneHub/bin/Release/net10.0/CleanBackend.BackplaneHub.dll
  # The same hub without Realtime:Redis: SignalR's in-process lifetime manager, the latency figure's reference without a backplane.
  start_server INPROCESS "$(free_port)" dotnet build/bench/BackplaneHub/bin/Release/net10.0/CleanBackend.BackplaneHub.dll
  wait_until_ready NODE2 "$NODE2_URL/health/ready"
  wait_until_ready PLAIN "$PLAIN_URL/hub"
  wait_until_ready PLAINAUTH "$PLAINAUTH_URL/hub"
  wait_until_ready BACKPLANE1 "$BACKPLANE1_URL/hub"
  wait_until_ready BACKPLANE2 "$BACKPLANE2_URL/hub"
  wait_until_ready INPROCESS "$INPROCESS_URL/hub"

  log "running the load client"
  local report=$WORK_DIR/realtime-report.md
  run_in_group timeout 20m dotnet build/bench/RealtimeLoad/bin/Release/net10.0/CleanBackend.RealtimeLoad.dll \
    --plain "$PLAIN_URL" --plain-pid "$PLAIN_PID" --plain-auth "$PLAINAUTH_URL" --plain-auth-pid "$PLAINAUTH_PID" \
    --node1 "$NODE1_URL" --node1-pid "$NODE1_PID" --node2 "$NODE2_URL" --node2-pid "$NODE2_PID" \
    --backplane1 "$BACKPLANE1_URL" --backplane2 "$BACKPLANE2_URL" --in-process "$INPROCESS_URL" --redis "127.0.0.1:$REDIS_PORT" \
    --admin-user admin --admin-password "$admin_password" \
    --report "$report" "${LOAD_ARGS[@]}"

  if [[ " ${LOAD_ARGS[*]} " == *" --only "* ]]; then
    log "a partial run (--only): docs/benchmarks.md left as it was"
  else
    splice_docs_section 'Realtime on the official Redis backplane \(issue 12\)' "$report" "$REPO/docs/benchmarks.md"
    log "figures written to docs/benchmarks.md (section \"Realtime on the official Redis backplane (issue 12)\")"
  fi
}

main
