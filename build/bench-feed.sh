#!/usr/bin/env bash
# Feed benchmark (issue 3), self-contained like build/test.sh: a throwaway PostgreSQL on a free port, a Release
# build of CleanBackend on loopback, everything stopped and removed at the end.
#
#   build/bench-feed.sh
#
# 1. Seeds 10,000 users, 50 follows and 5 posts each, feeds filled, and one account with 100,000 followers
#    (set-based SQL, build/bench/seed-feed.sql).
# 2. Fan-out: POST /api/posts by that account, time until all 100,000 feeds have it; feed rows per second
#    (build/bench/FeedBench). Targets: under 1 s, at least 200,000 rows/s.
# 3. Reads: GET /api/feed?limit=20 as random signed-in users, 64 connections (wrk), CleanBackend and a plain
#    minimal API running the same SQL through raw Npgsql (build/bench/PlainFeedApi), alternately, same settings.
#    Target: CleanBackend at least 0.85x the plain endpoint's requests per second.
# Prints the figures and writes them to docs/benchmarks.md, section "Feed (issue 3)".
#
# Knobs (environment): BENCH_USERS (10000), BENCH_FOLLOWS (50), BENCH_POSTS (5), BENCH_CELEB_FOLLOWERS (100000),
# BENCH_TOKENS (200 users signed in for the reads), BENCH_FANOUT_RUNS (5), BENCH_READ_SECONDS (20),
# BENCH_READ_ROUNDS (2: each round measures both apps once), BENCH_WARMUP_SECONDS (15), BENCH_CONNECTIONS (64),
# BENCH_THREADS (2), BENCH_DOCS (docs/benchmarks.md; empty: don't write it).
# The whole run takes about 3-4 minutes on 2 cores (build excluded).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
LOG_TAG=bench-feed
# shellcheck source=lib/bench.sh
source "$REPO/build/lib/bench.sh"

USERS=${BENCH_USERS:-10000}
FOLLOWS=${BENCH_FOLLOWS:-50}
POSTS=${BENCH_POSTS:-5}
CELEB_FOLLOWERS=${BENCH_CELEB_FOLLOWERS:-100000}
TOKENS=${BENCH_TOKENS:-200}
FANOUT_RUNS=${BENCH_FANOUT_RUNS:-5}
READ_SECONDS=${BENCH_READ_SECONDS:-20}
READ_ROUNDS=${BENCH_READ_ROUNDS:-2}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
DOCS=${BENCH_DOCS-docs/benchmarks.md}

PASSWORD="bench-feed-password"
SIGNING_KEY="bench-feed-signing-key-$(date +%s%N)-0123456789abcdef"
DATABASE=feedbench

# Durable like production (build/lib/services.sh turns fsync off for tests): the fan-out's commits pay for it.
# Commit timestamps date each fan-out batch; the buffer cache holds the ~0.5 GB of feed tables and indexes.
export PG_EXTRA_OPTIONS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=1GB -c track_commit_timestamp=on"

start_cleanbackend() {
  CB_PORT=$(free_port)
  # Logging at Warning: a console line per request would measure the console.
  start_server cleanbackend "$CB_PORT" "$REPO/src/WebApi/bin/Release/net10.0/CleanBackend.WebApi.dll" \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres "ConnectionStrings__Database=$(connection_string)" \
    "Auth__SigningKey=$SIGNING_KEY" Auth__AccessTokenMinutes=120 \
    RateLimiting__AuthPermitsPerMinute=1000000 \
    Feed__FanOutLimit=1000000 \
    "Storage__DataFolder=$WORK_DIR/cleanbackend-data" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning
  wait_for_http "http://127.0.0.1:$CB_PORT/health/ready" 200 "$LAST_PID"
  log "CleanBackend on 127.0.0.1:$CB_PORT"
}

start_plain_api() {
  PLAIN_PORT=$(free_port)
  start_server plainfeedapi "$PLAIN_PORT" "$REPO/build/bench/PlainFeedApi/bin/Release/net10.0/CleanBackend.PlainFeedApi.dll" \
    ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Database=$(connection_string)" "Auth__SigningKey=$SIGNING_KEY" \
    Logging__LogLevel__Default=Warning
  wait_for_http "http://127.0.0.1:$PLAIN_PORT/api/feed" 401 "$LAST_PID"
  log "plain feed API on 127.0.0.1:$PLAIN_PORT"
}

feedbench() { dotnet "$REPO/build/bench/FeedBench/bin/Release/net10.0/CleanBackend.FeedBench.dll" "$@"; }

seed() {
  local code celeb_id
  code=$(curl -s -o "$WORK_DIR/register.json" -w '%{http_code}' -X POST "http://127.0.0.1:$CB_PORT/api/auth/register" \
    -H 'Content-Type: application/json' \
    -d "{\"userName\":\"celebrity\",\"email\":\"celebrity@bench.test\",\"password\":\"$PASSWORD\",\"displayName\":\"Celebrity\"}")
  [[ $code == 201 ]] || die "registering the celebrity answered $code: $(cat "$WORK_DIR/register.json")"
  celeb_id=$(psql_db -c "SELECT \"Id\" FROM \"Users\" WHERE \"UserName\" = 'celebrity'")
  local started=$SECONDS
  psql_db -v "celeb_id=$celeb_id" -v "users=$USERS" -v "follows_per_user=$FOLLOWS" -v "posts_per_user=$POSTS" \
    -v "celeb_followers=$CELEB_FOLLOWERS" -f "$REPO/build/bench/seed-feed.sql" >"$WORK_DIR/seed.out" 2>"$WORK_DIR/seed.log" ||
    die "seeding failed: $(cat "$WORK_DIR/seed.log")"
  SEED_COUNTS=$(tail -n 1 "$WORK_DIR/seed.out")
  SEED_SECONDS=$((SECONDS - started))
  log "seeded in ${SEED_SECONDS}s: users|follows|posts|feed entries = $SEED_COUNTS"
}

sign_in() {
  psql_db -c "SELECT 'u' || n FROM generate_series(1, $USERS) AS n ORDER BY random() LIMIT $TOKENS" >"$WORK_DIR/readers.txt"
  feedbench sign-in "http://127.0.0.1:$CB_PORT" "$PASSWORD" "$WORK_DIR/readers.txt" "$WORK_DIR/tokens.txt" | sed "s/^/[$LOG_TAG] readers: /"
  echo celebrity >"$WORK_DIR/celebrity.txt"
  feedbench sign-in "http://127.0.0.1:$CB_PORT" "$PASSWORD" "$WORK_DIR/celebrity.txt" "$WORK_DIR/celebrity.token" >/dev/null
}

fan_out() {
  FANOUT_LOAD="$(load_average) (CPU pressure $(cpu_pressure))"
  feedbench fan-out "http://127.0.0.1:$CB_PORT" "$(connection_string)" "$WORK_DIR/celebrity.token" "$FANOUT_RUNS" |
    tee "$WORK_DIR/fanout.txt" | sed "s/^/[$LOG_TAG] /"
  FANOUT_LINE=$(grep '^FANOUT ' "$WORK_DIR/fanout.txt") || die "no FANOUT line from FeedBench"
}

# The floor of a fan-out, measured in the same run on the same data: one bare set-based INSERT ... SELECT of the
# same feed rows (every follower of the big account, for its newest post) straight in psql, no application around
# it. The rows of that post are deleted first, then inserted again; median of FANOUT_RUNS rounds.
fan_out_floor() {
  local author post run ms times=()
  author=$(psql_db -c "SELECT \"Id\" FROM \"Users\" WHERE \"UserName\" = 'celebrity'")
  post=$(psql_db -c "SELECT \"Id\" FROM \"Posts\" WHERE \"AuthorId\" = $author ORDER BY \"Id\" DESC LIMIT 1")
  for ((run = 1; run <= FANOUT_RUNS; run++)); do
    psql_db -c "DELETE FROM \"FeedEntries\" WHERE \"PostId\" = $post AND \"UserId\" <> $author"
    ms=$(psql_db -c '\timing on' -c "INSERT INTO \"FeedEntries\" (\"UserId\", \"PostId\", \"AuthorId\")
        SELECT \"FollowerId\", $post, $author FROM \"Follows\" WHERE \"FolloweeId\" = $author" |
      sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
    log "FLOOR run=$run insert_select_ms=$ms"
    times+=("$ms")
  done
  FLOOR_MS=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  FLOOR_ROWS_PER_SECOND=$(awk "BEGIN { printf \"%.0f\", $CELEB_FOLLOWERS / ($FLOOR_MS / 1000) }")
}

# wrk_run PORT SECONDS: prints wrk's RESULT line (see build/bench/feed-random-user.lua).
wrk_run() {
  FEED_TOKENS="$WORK_DIR/tokens.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --timeout 10s \
    -s "$REPO/build/bench/feed-random-user.lua" "http://127.0.0.1:$1/api/feed?limit=20" | grep '^RESULT '
}

reads() {
  local round app port line
  READ_LINES=()
  log "warm-up: ${WARMUP_SECONDS}s each"
  wrk_run "$CB_PORT" "$WARMUP_SECONDS" >/dev/null
  wrk_run "$PLAIN_PORT" "$WARMUP_SECONDS" >/dev/null
  for ((round = 1; round <= READ_ROUNDS; round++)); do
    for app in cleanbackend plain; do
      port=$CB_PORT
      [[ $app == plain ]] && port=$PLAIN_PORT
      local load pressure
      load=$(load_average)
      pressure=$(cpu_pressure)
      line=$(wrk_run "$port" "$READ_SECONDS")
      [[ $(field non_2xx "$line") == 0 && $(field socket_errors "$line") == 0 ]] || die "$app answered errors: $line"
      line="READ round=$round app=$app ${line#RESULT } load_before=${load// /,} cpu_pressure_before=${pressure:-n/a}"
      log "$line"
      READ_LINES+=("$line")
    done
  done
}

# mean APP FIELD: the mean of FIELD over the READ lines of APP.
mean() {
  printf '%s\n' "${READ_LINES[@]}" | grep " app=$1 " |
    sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" | awk '{ s += $1; n++ } END { printf "%.1f", s / n }'
}

summarize() {
  CB_RPS=$(mean cleanbackend requests_per_second)
  PLAIN_RPS=$(mean plain requests_per_second)
  CB_P99=$(mean cleanbackend p99_ms)
  PLAIN_P99=$(mean plain p99_ms)
  # Three decimals, and the verdict below compares the same figure: 0.847 must not print as 0.85 and pass.
  RATIO=$(ratio "$CB_RPS" "$PLAIN_RPS")
  LATENCY_MEDIAN=$(field latency_ms_median "$FANOUT_LINE")
  LATENCY_MAX=$(field latency_ms_max "$FANOUT_LINE")
  ROWS_PER_SECOND=$(field rows_per_second_median "$FANOUT_LINE")
  BURST_ROWS_PER_SECOND=$(field burst_rows_per_second "$FANOUT_LINE")
  LATENCY_VS_FLOOR=$(ratio "$LATENCY_MEDIAN" "$FLOOR_MS" 2)
  ROWS_VS_FLOOR=$(ratio "$ROWS_PER_SECOND" "$FLOOR_ROWS_PER_SECOND" 2)
  BURST_VS_FLOOR=$(ratio "$BURST_ROWS_PER_SECOND" "$FLOOR_ROWS_PER_SECOND" 2)
  SUMMARY=$(cat <<EOF
fan-out to $CELEB_FOLLOWERS followers ($FANOUT_RUNS runs): latency median $LATENCY_MEDIAN ms, max $LATENCY_MAX ms (target < 1000 ms: $(verdict "$LATENCY_MAX < 1000"))
fan-out rows/s: median $ROWS_PER_SECOND per job, $BURST_ROWS_PER_SECOND with 5 jobs at once (target >= 200000: $(verdict "$ROWS_PER_SECOND >= 200000"))
GET /api/feed ($CONNECTIONS connections, ${READ_ROUNDS}x${READ_SECONDS}s each): CleanBackend $CB_RPS req/s p99 $CB_P99 ms; plain Npgsql $PLAIN_RPS req/s p99 $PLAIN_P99 ms
ratio CleanBackend/plain: $RATIO (target >= 0.85: $(verdict "$RATIO >= 0.85"))
floor, one bare INSERT ... SELECT of the same $CELEB_FOLLOWERS rows in psql: median $FLOOR_MS ms, $FLOOR_ROWS_PER_SECOND rows/s
fan-out latency / floor: $LATENCY_VS_FLOOR (target <= 1.3: $(verdict "$LATENCY_VS_FLOOR <= 1.3")); rows/s / floor: $ROWS_VS_FLOOR per job, $BURST_VS_FLOOR with 5 jobs (target >= 0.8: $(verdict "$ROWS_VS_FLOOR >= 0.8"))
EOF
)
}

write_docs() {
  [[ -n $DOCS ]] || return 0
  local section
  section=$(cat <<EOF
## Feed (issue 3)

$(measured_by)

- Machine: $(machine). Load average (1, 5, 15 min) at the start: $START_LOAD; before the fan-out: $FANOUT_LOAD; at the end: $(load_average) (CPU pressure $(cpu_pressure)). CPU pressure is the share of the last 10 s in which runnable tasks waited for a core (/proc/pressure/cpu): other work on the machine takes CPU from the benchmark, so figures vary between runs.
- PostgreSQL durable (fsync, synchronous_commit and full_page_writes on), shared_buffers 1GB; throwaway cluster on loopback.
- Data: $USERS users, $FOLLOWS follows and $POSTS posts each, feeds filled, and one account followed by $CELEB_FOLLOWERS users (all $USERS users and $((CELEB_FOLLOWERS - USERS)) more): users|follows|posts|feed entries = $SEED_COUNTS, seeded in ${SEED_SECONDS}s by \`build/bench/seed-feed.sql\`.
- CleanBackend: Release build, \`ASPNETCORE_ENVIRONMENT=Production\`, logging at Warning, \`Feed:FanOutLimit=1000000\` (so the big account is fanned out), \`Feed:FanOutBatchSize\` 20000 (default).

### Fan-out

\`POST /api/posts\` by the account with $CELEB_FOLLOWERS followers, timed from sending the request until every follower's feed has the post (\`build/bench/FeedBench\`: polls for the feed row of the follower the fan-out reaches last, then confirms with a full count). Rows per second: follower rows / (last batch commit - commit of the author's own row, the job's first write), from PostgreSQL commit timestamps. One warm-up post first; then $FANOUT_RUNS posts one after another; then a burst of 5 posts sent back to back (their jobs run at once).

| | result | target |
|---|---|---|
| latency, median / max | $LATENCY_MEDIAN ms / $LATENCY_MAX ms | under 1 s: $(verdict "$LATENCY_MAX < 1000") |
| feed rows per second, one job (median) | $ROWS_PER_SECOND | at least 200,000: $(verdict "$ROWS_PER_SECOND >= 200000") |
| feed rows per second, 5 jobs at once | $BURST_ROWS_PER_SECOND | |

\`\`\`
$(grep -E '^(WARMUP|RUN|BURST|FANOUT) ' "$WORK_DIR/fanout.txt")
\`\`\`

### GET /api/feed

\`wrk -t$THREADS -c$CONNECTIONS -d${READ_SECONDS}s --timeout 10s -s build/bench/feed-random-user.lua URL/api/feed?limit=20\`: every request as one of $TOKENS randomly chosen signed-in users (20 items per page). After a ${WARMUP_SECONDS}s warm-up of each, the two servers are measured alternately, $READ_ROUNDS rounds; the figures are the means over the rounds (load_before and cpu_pressure_before are read just before each round, so they include the benchmark's own load: wrk, the servers and PostgreSQL).
The ceiling, \`build/bench/PlainFeedApi\`: a bare minimal API running the same SQL (copied from EF's command log) through raw Npgsql on the same database, returning the same JSON (byte for byte), validating the same JWT with the same JwtBearer handler. It skips CleanBackend's session check (an in-memory cache hit on almost every request), the MediatR pipeline (validation, authorization, timing) and EF Core.

| | requests/s | p99 |
|---|---|---|
| CleanBackend | $CB_RPS | $CB_P99 ms |
| plain Npgsql endpoint | $PLAIN_RPS | $PLAIN_P99 ms |
| ratio | $RATIO | target at least 0.85: $(verdict "$RATIO >= 0.85") |

\`\`\`
$(printf '%s\n' "${READ_LINES[@]}")
\`\`\`
EOF
)
  write_docs_section 'Feed \(issue 3\)' "$section"
}

main() {
  warn_when_busy
  start_bench_postgres
  phase_start build
  build_release src/WebApi build/bench/PlainFeedApi build/bench/FeedBench
  phase_start seed
  start_cleanbackend
  seed
  sign_in
  phase_start fan-out
  fan_out
  fan_out_floor
  phase_start reads
  start_plain_api
  reads
  phase_end
  summarize
  write_docs
  print_phase_times
  log "machine: $(machine)"
  log "load average at the end: $(load_average) (CPU pressure $(cpu_pressure))"
  printf '%s\n' "$SUMMARY" | sed "s/^/[$LOG_TAG] RESULT /"
}

main "$@"
