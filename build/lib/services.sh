# shellcheck shell=bash
# Throwaway PostgreSQL and Redis servers on 127.0.0.1, on free ports, so
# parallel runs (and a system PostgreSQL on 5432) never collide. All state
# lives under one temp dir, WORK_DIR; stop_all_quietly undoes everything.

WORK_DIR=""
PG_DIR="" PG_BIN="" PG_PORT=""
# PG_EXTRA_OPTIONS: more "-c name=value" server settings; they override the ones above (the last one wins).
REDIS_DIR="" REDIS_PORT=""

# Creates WORK_DIR (in /tmp, world-traversable: the postgres user needs to
# reach its data dir inside it when we run as root).
make_work_dir() {
  WORK_DIR=$(mktemp -d /tmp/cleanbackend-test.XXXXXX)
  chmod 755 "$WORK_DIR"
}

# A port nobody listens on right now (the kernel picks it; tiny race accepted,
# the start functions retry with another port).
free_port() {
  "$PYTHON" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Run a PostgreSQL tool, as the "postgres" user when we are root (initdb
# refuses root), with its output appended to $PG_DIR/tools.log. cd into the
# data dir so it never complains about an unreadable cwd.
# The redirection sits on the subshell, not on the function call: bash applies
# a function call's redirections in the main shell, and a Ctrl-C trap running
# meanwhile would print into the log instead of the console.
as_pg_user() {
  (
    cd "$PG_DIR" || exit 1
    if ((EUID == 0)); then exec runuser -u postgres -- "$@"; else exec "$@"; fi
  ) >>"$PG_DIR/tools.log" 2>&1
}

start_postgres() {
  PG_BIN=$(pg_bin_dir) || { warn "PostgreSQL not installed (no /usr/lib/postgresql/*/bin/pg_ctl)"; return 1; }
  PG_DIR=$WORK_DIR/pg
  mkdir -p "$PG_DIR"
  if ((EUID == 0)); then chown postgres:postgres "$PG_DIR"; fi
  # C.UTF-8: UTF-8 aware lower()/ILIKE without depending on generated locales.
  local locale_opt=(--locale=C.UTF-8)
  locale -a 2>/dev/null | grep -qix 'c.utf-\?8' || locale_opt=(--no-locale)
  if ! as_pg_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
      "${locale_opt[@]}" --no-sync; then
    cat "$PG_DIR/tools.log" >&2
    return 1
  fi
  local attempt
  for attempt in 1 2 3; do
    PG_PORT=$(free_port)
    # fsync & co. off: a throwaway cluster, durability is worthless and slow.
    # max_connections: every test database has its own Npgsql pool.
    if as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTIONS:-}" \
        start; then
      log "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
      return 0
    fi
    warn "PostgreSQL did not start on port $PG_PORT (attempt $attempt/3):"
    tail -n 20 "$PG_DIR/tools.log" "$PG_DIR/server.log" >&2 || true
  done
  return 1
}

stop_postgres() {
  [[ -n $PG_DIR && -f $PG_DIR/data/postmaster.pid ]] || return 0
  as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop ||
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop || true
}

redis_ping() { # redis_ping PORT: true when the server answers +PONG
  # Subshell: keeps the fd local and silences bash's "connection refused".
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 && [[ $reply == "+PONG"* ]]
  ) 2>/dev/null
}

start_redis() {
  command -v redis-server >/dev/null || { warn "redis-server not installed"; return 1; }
  REDIS_DIR=$WORK_DIR/redis
  mkdir -p "$REDIS_DIR"
  local attempt
  for attempt in 1 2 3; do
    REDIS_PORT=$(free_port)
    # No persistence: tests must not depend on data surviving a restart.
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
      --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" || true
    for _ in {1..50}; do
      if redis_ping "$REDIS_PORT"; then
        log "Redis $(redis-server --version | grep -o 'v=[^ ]*' | cut -c3-) on 127.0.0.1:$REDIS_PORT ($REDIS_DIR)"
        return 0
      fi
      sleep 0.1
    done
    warn "Redis did not start on port $REDIS_PORT (attempt $attempt/3):"
    tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
    stop_redis
  done
  return 1
}

stop_redis() {
  local pid
  [[ -n $REDIS_DIR && -f $REDIS_DIR/redis.pid ]] || return 0
  pid=$(cat "$REDIS_DIR/redis.pid" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in {1..50}; do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$REDIS_DIR/redis.pid"
}

# Idempotent and silent (it may run from the EXIT trap, after the summary).
stop_all_quietly() {
  kill_child_group
  stop_postgres
  stop_redis
  if [[ -n $WORK_DIR ]]; then rm -rf "$WORK_DIR"; fi
  WORK_DIR=""
}
