#!/usr/bin/env bash
# Build the solution and run every test against throwaway PostgreSQL/Redis.
#
#   build/test.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Orders]
#
# The last line of output is always "tests: N passed, M failed" (CI reads only
# that line); exit status is non-zero on any failure or when no test ran.
#
# Environment for the tests:
#   CLEANBACKEND_TEST_POSTGRES       server-level admin connection string (tests create their own DBs)
#   CLEANBACKEND_TEST_REDIS          host:port of a throwaway Redis
#   CLEANBACKEND_TEST_REDIS_SERVER   redis-server binary (for tests that start/stop their own)
#   CLEANBACKEND_TEST_PG_BIN         PostgreSQL's bin folder, initdb and pg_ctl (likewise)
#   CLEANBACKEND_TEST_CHROMIUM, CLEANBACKEND_TEST_CHROMEDRIVER, CLEANBACKEND_TEST_NGINX
# Optional knobs:
#   CLEANBACKEND_SOLUTION        solution file (default CleanBackend.sln, else CleanBackend.slnx)
#   CLEANBACKEND_TEST_RESULTS    keep .trx files under this dir (default: temp dir, removed)
#   CLEANBACKEND_TEST_HANG_TIMEOUT  per-test hang limit for --blame-hang-timeout (default 10m)
#   CLEANBACKEND_TEST_SOAK_MINUTES  length of the soak that follows the tests (default 2; it runs, and counts as
#                                   one test, only when no dotnet test arguments are given)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
for lib in "$REPO"/build/lib/*.sh; do
  # shellcheck source=/dev/null
  source "$lib"
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1
# No MSBuild worker nodes / build server left running after the script ends.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

# Every way out ends with the summary line and leaves no server running.
on_exit() {
  local rc=$?
  # A second Ctrl-C must not cut the cleanup short and leave servers behind.
  trap '' INT TERM
  trap - EXIT
  stop_all_quietly
  if [[ -z $SUMMARY_PRINTED ]]; then
    print_phase_times
    echo "tests: 0 passed, 1 failed"
    ((rc != 0)) || rc=1
  fi
  exit "$rc"
}
on_signal() {
  warn "interrupted by SIG$1: stopping test run and servers"
  exit $((128 + $2))
}
trap on_exit EXIT
trap 'on_signal INT 2' INT
trap 'on_signal TERM 15' TERM

find_solution() {
  local s
  for s in "${CLEANBACKEND_SOLUTION:-}" CleanBackend.sln CleanBackend.slnx; do
    [[ -n $s && -f $s ]] && { echo "$s"; return 0; }
  done
  return 1
}

export_test_env() {
  export CLEANBACKEND_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"
  export CLEANBACKEND_TEST_REDIS="127.0.0.1:$REDIS_PORT"
  export CLEANBACKEND_TEST_PG_BIN=$PG_BIN
  export CLEANBACKEND_TEST_REDIS_SERVER; CLEANBACKEND_TEST_REDIS_SERVER=$(command -v redis-server)
  export CLEANBACKEND_TEST_CHROMIUM=/usr/bin/chromium
  export CLEANBACKEND_TEST_CHROMEDRIVER=/usr/bin/chromedriver
  export CLEANBACKEND_TEST_NGINX; CLEANBACKEND_TEST_NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

build_solution() {
  local log=$WORK_DIR/build.log
  # Output streams live; MSBuild's file logger keeps a copy so the errors can
  # be repeated at the end, where they are easy to find.
  if ! run_in_group dotnet build "$SOLUTION" -c Release -nologo "-flp:LogFile=$log;Verbosity=minimal" 2>&1; then
    log "build FAILED; errors:"
    grep -E ': error [A-Z]+[0-9]*' "$log" | sort -u | head -n 50 || true
    return 1
  fi
}

run_tests() {
  local results=$1; shift
  # --blame-hang-timeout: a hung test is killed (default after 10 min) instead
  # of eating the CI budget (no dump: it is big and nobody collects it).
  # A non-zero exit (failed tests) is expected: the .trx files decide.
  run_in_group dotnet test "$SOLUTION" -c Release --no-build \
    --logger "trx;LogFilePrefix=r" --results-directory "$results" \
    --blame-hang-timeout "${CLEANBACKEND_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none \
    "$@" 2>&1 || DOTNET_TEST_RC=$?
}

# The 2-minute soak of build/soak.sh (build/soak), against this run's servers: counted as one test in the summary.
run_soak() {
  local minutes=${CLEANBACKEND_TEST_SOAK_MINUTES:-2}
  log "soak: one node under the REST mix and 300 hub connections for $minutes minute(s)"
  run_in_group dotnet "$REPO/build/soak/bin/Release/net10.0/CleanBackend.Soak.dll" --minutes "$minutes" 2>&1
}

results_dir() {
  local d=$WORK_DIR/results
  if [[ -n ${CLEANBACKEND_TEST_RESULTS:-} ]]; then
    # Fresh subdir so .trx files of earlier runs are never counted again.
    d=$CLEANBACKEND_TEST_RESULTS/$(date +%Y%m%d-%H%M%S)-$$
  fi
  mkdir -p "$d" && echo "$d"
}

main() {
  SOLUTION=$(find_solution) || fail_early "no CleanBackend.sln/.slnx in $REPO (set CLEANBACKEND_SOLUTION)"
  make_work_dir

  phase_start install
  install_debian_packages || fail_early "apt-get install failed"
  install_npm_modules || fail_early "npm install failed under tests/EndToEnd"

  phase_start services
  start_postgres || fail_early "could not start PostgreSQL"
  start_redis || fail_early "could not start Redis"
  export_test_env

  phase_start build
  build_solution || fail_early "dotnet build failed"

  phase_start test
  local results counts passed failed trx_count
  results=$(results_dir)
  DOTNET_TEST_RC=0
  run_tests "$results" "$@"
  local soak=""
  if (($# == 0)); then
    phase_start soak
    if run_soak; then soak=passed; else soak=failed; fi
  fi
  phase_end

  counts=$WORK_DIR/counts
  summarize_trx "$results" "$counts"
  read -r passed failed trx_count <"$counts"
  if ((trx_count == 0)); then
    warn "dotnet test exited with code $DOTNET_TEST_RC and wrote no .trx file (crash or no test project?)"
    failed=$((failed + 1))
  elif ((DOTNET_TEST_RC != 0 && failed == 0)); then
    # Non-zero exit without a failed result: a test host crashed or the run
    # was aborted, so some tests may never have reported. Not a success.
    warn "dotnet test exited with code $DOTNET_TEST_RC but no test failed: run aborted? counted as 1 failure"
    failed=1
  elif ((passed + failed == 0)); then
    warn "no test ran (wrong --filter?)"
  fi
  case $soak in
    passed) passed=$((passed + 1)) ;;
    failed) warn "the soak failed (its verdict is printed above)"; failed=$((failed + 1)) ;;
  esac
  [[ -n ${CLEANBACKEND_TEST_RESULTS:-} ]] && log "test results kept in $results"
  finish "$passed" "$failed"
}

main "$@"
