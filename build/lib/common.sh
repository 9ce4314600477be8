# shellcheck shell=bash
# Logging, phase timing and the final summary line shared by build/test.sh (the benchmark scripts use the logging,
# timing and splice_docs_section).
#
# CI reads ONLY the last line of the output ("tests: N passed, M failed"), so
# every exit path, including unexpected errors, must end with that line and
# nothing may be printed after it.

# LOG_TAG: the script's name in each line (build/test.sh by default).
log() { printf '[%s] %s\n' "${LOG_TAG:-test.sh}" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "${LOG_TAG:-test.sh}" "$*" >&2; }

# Phase timing: phase_start NAME ... phase_end. Durations are printed together
# just before the summary so they are easy to find in a long CI log.
PHASE_NAME=""
PHASE_T0=0
PHASE_TIMES=()
now_ms() { date +%s%3N; }
phase_start() {
  phase_end
  PHASE_NAME=$1
  PHASE_T0=$(now_ms)
  log "=== $PHASE_NAME ==="
}
phase_end() {
  [[ -n $PHASE_NAME ]] || return 0
  local ms=$(($(now_ms) - PHASE_T0))
  PHASE_TIMES+=("$PHASE_NAME $((ms / 1000)).$((ms % 1000 / 100))s")
  PHASE_NAME=""
}
print_phase_times() {
  phase_end
  ((${#PHASE_TIMES[@]})) || return 0
  local joined
  joined=$(printf '%s, ' "${PHASE_TIMES[@]}")
  log "elapsed: ${joined%, }"
}

# Print the summary (must be the very last line) once and exit.
SUMMARY_PRINTED=""
finish() { # finish PASSED FAILED
  local passed=$1 failed=$2
  stop_all_quietly       # before the summary: nothing may follow it
  print_phase_times
  SUMMARY_PRINTED=1
  echo "tests: $passed passed, $failed failed"
  if ((failed > 0 || passed == 0)); then exit 1; fi
  exit 0
}

# Used when something before the test run went wrong (apt, servers, build).
fail_early() {
  warn "$*"
  finish 0 1
}

# Debian's python3 first: a pyenv shim can break on a .python-version file.
if [[ -x /usr/bin/python3 ]]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi

# splice_docs_section HEADING_REGEX SECTION_FILE DOCS_FILE: replaces the "## ..." section of DOCS_FILE whose heading
# line matches HEADING_REGEX (a Python regex, e.g. 'Feed \(issue 3\)') with SECTION_FILE's text, up to the next
# "## " heading, or appends it when there is none; the other sections stay as they are (each benchmark script
# writes its own section of docs/benchmarks.md).
splice_docs_section() {
  "$PYTHON" - "$1" "$2" "$3" <<'PY'
import os, re, sys
heading, section_file, path = sys.argv[1], sys.argv[2], sys.argv[3]
section = open(section_file).read().rstrip() + "\n"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\nFigures written by the scripts under build/; each script replaces only its own section.\n"
pattern = re.compile(r"^## " + heading + r"\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text, count=1) if pattern.search(text) else text.rstrip() + "\n\n" + section
os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
open(path, "w").write(text.rstrip() + "\n")
PY
}

# Run a long command (dotnet build/test) in its own process group, in the
# background, and wait for it. Why: bash runs traps only after a foreground
# child exits, so Ctrl-C/TERM would wait for a hung test run; and the group
# lets kill_child_group take down testhost and MSBuild worker processes too.
CHILD_PGID=""
run_in_group() {
  local rc=0
  setsid "$@" </dev/null &
  CHILD_PGID=$!
  wait "$CHILD_PGID" || rc=$?
  CHILD_PGID=""
  return "$rc"
}
kill_child_group() {
  [[ -n $CHILD_PGID ]] || return 0
  kill -TERM -- "-$CHILD_PGID" 2>/dev/null || true
  for _ in {1..50}; do
    kill -0 -- "-$CHILD_PGID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$CHILD_PGID" 2>/dev/null || true
  CHILD_PGID=""
}
