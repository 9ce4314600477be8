#!/usr/bin/env bash
# User search benchmark (issue 14), self-contained like build/bench-feed.sh: a throwaway PostgreSQL on a free port,
# a Release build of CleanBackend on loopback, everything stopped and removed at the end.
#
#   build/bench-search.sh
#
# 1. Seeds 10,000 users (set-based SQL, build/bench/seed-search.sql: varied names, shared prefixes) and measures
#    GET /api/users?query=<prefix>&limit=20 with wrk, the prefix drawn at random from a mix of common and rare
#    prefixes of 1-4 letters (build/bench/search-prefixes.lua).
# 2. Grows the table to 1,000,000 users and measures the same requests again.
# 3. The floor at 1,000,000: the SQL the endpoint runs for each prefix, copied from EF Core's command log (captured
#    from CleanBackend in this run, build/bench/search-sql.py), run by pgbench with parameters like Npgsql
#    (-M extended) and as many clients as wrk has connections.
# 4. EXPLAIN (ANALYZE, BUFFERS) of both queries at 1,000,000 users: index range scans, no sort.
# Prints the figures and writes them to docs/benchmarks.md, section "User search (issue 14)".
# Not part of build/test.sh.
#
# Knobs (environment): BENCH_USERS (1000000), BENCH_SMALL_USERS (10000), BENCH_PREFIXES (the mix below),
# BENCH_READ_SECONDS (15), BENCH_WARMUP_SECONDS (10, 3 times that before the first measurement), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_DOCS (docs/benchmarks.md; empty: don't write it).
# The whole run takes about 3-4 minutes on 2 cores (build excluded).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
LOG_TAG=bench-search
# shellcheck source=lib/bench.sh
source "$REPO/build/lib/bench.sh"

USERS=${BENCH_USERS:-1000000}
SMALL_USERS=${BENCH_SMALL_USERS:-10000}
# Common (m, ma, jo, mar, mari, jose), less common (q, yvet) and rare (zeb, xio) prefixes, one of
# display names only (dr: the second query), and one nobody has (zzqx).
PREFIXES=${BENCH_PREFIXES:-m ma jo mar mari jose dr q zeb xio yvet zzqx}
READ_SECONDS=${BENCH_READ_SECONDS:-15}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
DOCS=${BENCH_DOCS-docs/benchmarks.md}
LIMIT=20

SIGNING_KEY="bench-search-signing-key-$(date +%s%N)-0123456789abcdef"
DATABASE=searchbench
export PG_EXTRA_OPTIONS="-c shared_buffers=512MB"

search_sql() { "$PYTHON" "$REPO/build/bench/search-sql.py" "$@"; }

# start_cleanbackend [ENV...]: Production, logging at Warning (a console line per request would measure the console).
start_cleanbackend() {
  CB_PORT=$(free_port)
  start_server cleanbackend "$CB_PORT" "$REPO/src/WebApi/bin/Release/net10.0/CleanBackend.WebApi.dll" \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres "ConnectionStrings__Database=$(connection_string)" \
    "Auth__SigningKey=$SIGNING_KEY" \
    "Storage__DataFolder=$WORK_DIR/cleanbackend-data" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning "$@"
  wait_for_http "http://127.0.0.1:$CB_PORT/health/ready" 200 "$LAST_PID"
  log "CleanBackend on 127.0.0.1:$CB_PORT"
}

# seed FROM TO: users n = FROM..TO.
seed() {
  local started=$SECONDS count
  count=$(psql_db -v "from_n=$1" -v "to_n=$2" -f "$REPO/build/bench/seed-search.sql" 2>"$WORK_DIR/seed.log" | tail -n 1) ||
    die "seeding failed: $(cat "$WORK_DIR/seed.log")"
  [[ $count == "$2" ]] || die "expected $2 users after seeding, found $count"
  log "seeded users $1-$2 in $((SECONDS - started))s"
}

# The SQL EF Core runs for a search, from its own command log: one request for a prefix no userName has runs both
# queries (userName range, then displayName range).
capture_sql() {
  start_cleanbackend Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
  curl -sf "http://127.0.0.1:$CB_PORT/api/users?query=zzqx&limit=$LIMIT" >/dev/null || die "the search request failed"
  stop_apps
  search_sql extract "$WORK_DIR/cleanbackend.log" "$WORK_DIR"
  log "EF Core's search SQL: $WORK_DIR/by-username.sql, $WORK_DIR/by-displayname.sql"
}

# rest_run LABEL WARMUP_SECONDS: wrk over the prefix mix after a warm-up; sets REST_LINE.
rest_run() {
  local load pressure line
  SEARCH_PREFIXES=$PREFIXES wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 10s \
    -s "$REPO/build/bench/search-prefixes.lua" "http://127.0.0.1:$CB_PORT/" >/dev/null
  load=$(load_average)
  pressure=$(cpu_pressure)
  line=$(SEARCH_PREFIXES=$PREFIXES wrk -t"$THREADS" -c"$CONNECTIONS" -d"${READ_SECONDS}s" --timeout 10s \
    -s "$REPO/build/bench/search-prefixes.lua" "http://127.0.0.1:$CB_PORT/" | grep '^RESULT ')
  [[ $(field non_2xx "$line") == 0 && $(field socket_errors "$line") == 0 ]] ||
    die "CleanBackend answered errors: $line$(printf '\n'; grep -m 3 -A 12 -E '^(fail|crit):' "$WORK_DIR/cleanbackend.log")"
  REST_LINE="REST users=$1 ${line#RESULT } load_before=${load// /,} cpu_pressure_before=${pressure:-n/a}"
  log "$REST_LINE"
}

# Rows the userName query returns for a first page of PREFIX: the handler reads display names only when they are
# at most LIMIT.
username_matches() {
  search_sql literal "$WORK_DIR/by-username.sql" "$1" $((LIMIT + 1)) | psql_db | wc -l
}

# The floor: per prefix, the queries the endpoint runs for it, by pgbench for READ_SECONDS / number of prefixes;
# requests/s over all, latency percentiles over every transaction (pgbench's per-transaction log).
sql_run() {
  local prefix matches script seconds to total=0 count
  seconds=$(awk -v t="$READ_SECONDS" -v n="$(wc -w <<<"$PREFIXES")" 'BEGIN { printf "%d", (t / n < 1 ? 1 : t / n + 0.5) }')
  to=$("$PYTHON" -c 'import sys; sys.stdout.write(chr(0x10FFFF))')
  rm -f "$WORK_DIR"/pgbench_log.*
  for prefix in $PREFIXES; do
    matches=$(username_matches "$prefix")
    script=$WORK_DIR/search-$prefix.pgbench
    search_sql pgbench "$WORK_DIR/by-username.sql" take >"$script"
    ((matches <= LIMIT)) && search_sql pgbench "$WORK_DIR/by-displayname.sql" take2 >>"$script"
    (cd "$WORK_DIR" && "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M extended -c "$CONNECTIONS" -j "$THREADS" \
      -T "$seconds" -l --log-prefix="pgbench_log.$prefix" -f "$script" \
      -D "from=$prefix" -D "to=$prefix$to" -D afterid=0 -D take=$((LIMIT + 1)) -D take2=$((LIMIT + 1 - matches)) \
      "$DATABASE" >"$WORK_DIR/pgbench-$prefix.out" 2>&1) || die "pgbench failed for $prefix: $(tail -n 5 "$WORK_DIR/pgbench-$prefix.out")"
    count=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK_DIR/pgbench-$prefix.out")
    log "SQL prefix=$prefix username_matches=$matches queries=$((matches <= LIMIT ? 2 : 1)) transactions=$count in ${seconds}s"
    total=$((total + seconds))
  done
  # Log lines: client transaction latency_us script epoch epoch_us.
  SQL_LINE="SQL users=$USERS $(cat "$WORK_DIR"/pgbench_log.* | awk -v secs="$total" '{ print $3 }' | sort -n | awk -v secs="$total" '
    { v[NR] = $1 } END { printf "requests_per_second=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d", NR / secs, v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000, NR }')"
  log "$SQL_LINE"
}

explain() {
  local prefix=$1 file=$2 take=$3
  { echo 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)'; search_sql literal "$WORK_DIR/$file" "$prefix" "$take"; } | psql_db
}

explains() {
  # A common prefix fills the page from userNames; "dr" (display names only) is read by the second query.
  EXPLAIN_COMMON=$(explain ma by-username.sql $((LIMIT + 1)))
  EXPLAIN_RARE=$(explain dr by-displayname.sql $((LIMIT + 1 - $(username_matches dr))))
  printf '%s\n' "-- userName range, prefix 'ma'" "$EXPLAIN_COMMON" "-- displayName range, prefix 'dr'" "$EXPLAIN_RARE" |
    sed "s/^/[$LOG_TAG] /"
  grep -q 'Index Scan using "IX_Users_UserName"' <<<"$EXPLAIN_COMMON" &&
    grep -q 'Index Scan using "IX_Users_NormalizedDisplayName_Id"' <<<"$EXPLAIN_RARE" ||
    die "a search query is not an index scan (plans above)"
  ! grep -Eq 'Sort|Seq Scan' <<<"$EXPLAIN_COMMON$EXPLAIN_RARE" || die "a search query sorts or scans the table (plans above)"
}


summarize() {
  SMALL_RPS=$(field requests_per_second "$SMALL_LINE")
  LARGE_RPS=$(field requests_per_second "$LARGE_LINE")
  SQL_RPS=$(field requests_per_second "$SQL_LINE")
  SCALE_RPS_RATIO=$(ratio "$LARGE_RPS" "$SMALL_RPS")
  SCALE_P50_RATIO=$(ratio "$(field p50_ms "$LARGE_LINE")" "$(field p50_ms "$SMALL_LINE")")
  SCALE_P99_RATIO=$(ratio "$(field p99_ms "$LARGE_LINE")" "$(field p99_ms "$SMALL_LINE")")
  FLOOR_RATIO=$(ratio "$LARGE_RPS" "$SQL_RPS")
  SUMMARY=$(cat <<EOF
GET /api/users?query=<prefix>&limit=$LIMIT at $SMALL_USERS users: $SMALL_RPS req/s, p50 $(field p50_ms "$SMALL_LINE") ms, p99 $(field p99_ms "$SMALL_LINE") ms
GET /api/users?query=<prefix>&limit=$LIMIT at $USERS users: $LARGE_RPS req/s, p50 $(field p50_ms "$LARGE_LINE") ms, p99 $(field p99_ms "$LARGE_LINE") ms
ratio $USERS/$SMALL_USERS users: req/s $SCALE_RPS_RATIO, p50 $SCALE_P50_RATIO, p99 $SCALE_P99_RATIO
the SQL of the endpoint at $USERS users (pgbench): $SQL_RPS req/s, p50 $(field p50_ms "$SQL_LINE") ms, p99 $(field p99_ms "$SQL_LINE") ms; CleanBackend/SQL req/s $FLOOR_RATIO
EOF
)
}

write_docs() {
  [[ -n $DOCS ]] || return 0
  local section
  section=$(cat <<EOF
## User search (issue 14)

$(measured_by)

- Machine: $(machine). Load average (1, 5, 15 min) at the start: $START_LOAD; at the end: $(load_average) (CPU pressure $(cpu_pressure)). Other work on the machine takes CPU from the benchmark, so figures vary between runs.
- PostgreSQL: throwaway cluster on loopback, shared_buffers 512MB. Users seeded by \`build/bench/seed-search.sql\` (set-based; names drawn from lists of first and last names, common ones far more often, so prefixes such as "ma" match tens of thousands of users and "zeb" about a hundred; display names of one user in 100 start with "Dr ", a prefix no userName has).
- CleanBackend: Release build, \`ASPNETCORE_ENVIRONMENT=Production\`, logging at Warning.
- Requests: \`wrk -t$THREADS -c$CONNECTIONS -d${READ_SECONDS}s\` after a warm-up (${WARMUP_SECONDS}s, and $((WARMUP_SECONDS * 3))s for the first run of the process), \`GET /api/users?query=<prefix>&limit=$LIMIT\` (anonymous), the prefix drawn at random from: $PREFIXES.
- Floor: the SQL the endpoint runs, copied from the command log of EF Core in the same run (one or two queries per prefix, as the handler runs them), by \`pgbench -M extended -c $CONNECTIONS -j $THREADS\`, each prefix for an equal share of ${READ_SECONDS}s.

| | requests/s | p50 | p99 |
|---|---|---|---|
| CleanBackend, $SMALL_USERS users | $SMALL_RPS | $(field p50_ms "$SMALL_LINE") ms | $(field p99_ms "$SMALL_LINE") ms |
| CleanBackend, $USERS users | $LARGE_RPS | $(field p50_ms "$LARGE_LINE") ms | $(field p99_ms "$LARGE_LINE") ms |
| ratio $USERS / $SMALL_USERS users | $SCALE_RPS_RATIO | $SCALE_P50_RATIO | $SCALE_P99_RATIO |
| the SQL of the endpoint alone (pgbench), $USERS users | $SQL_RPS | $(field p50_ms "$SQL_LINE") ms | $(field p99_ms "$SQL_LINE") ms |
| CleanBackend / SQL alone, $USERS users | $FLOOR_RATIO | | |

\`\`\`
$SMALL_LINE
$LARGE_LINE
$SQL_LINE
\`\`\`

Plans at $USERS users (\`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)\`): userName range for "ma", displayName range for "dr" (the upper bound of each range ends with U+10FFFF, which does not print).

\`\`\`
$EXPLAIN_COMMON
\`\`\`

\`\`\`
$EXPLAIN_RARE
\`\`\`
EOF
)
  write_docs_section 'User search \(issue 14\)' "$section"
}

main() {
  warn_when_busy
  start_bench_postgres
  phase_start build
  build_release src/WebApi
  phase_start "seed $SMALL_USERS"
  capture_sql # CleanBackend's first start also creates the schema.
  seed 1 "$SMALL_USERS"
  phase_start "search at $SMALL_USERS"
  start_cleanbackend
  # The first measurement of a fresh process also waits for the JIT's optimized code (tiered compilation).
  rest_run "$SMALL_USERS" $((WARMUP_SECONDS * 3))
  SMALL_LINE=$REST_LINE
  phase_start "seed $USERS"
  seed $((SMALL_USERS + 1)) "$USERS"
  psql_db -c 'VACUUM ANALYZE "Users"'
  phase_start "search at $USERS"
  rest_run "$USERS" "$WARMUP_SECONDS"
  LARGE_LINE=$REST_LINE
  stop_apps
  phase_start "sql at $USERS"
  sql_run
  explains
  phase_end
  summarize
  write_docs
  print_phase_times
  log "machine: $(machine)"
  log "load average at the end: $(load_average) (CPU pressure $(cpu_pressure))"
  printf '%s\n' "$SUMMARY" | sed "s/^/[$LOG_TAG] RESULT /"
}

main "$@"
