# shellcheck shell=bash
# Summing the .trx files written by `dotnet test --logger trx`.
#
# passed = sum of <Counters passed>, failed = sum of (total - passed): every
# result that did not pass counts as failed, including outcome NotExecuted
# (xunit Skip): skipped tests are not allowed in this project. A .trx that
# cannot be parsed counts as one failure, so does an aborted run (test host
# crash, or a test killed by --blame-hang-timeout).

# summarize_trx RESULTS_DIR COUNTS_FILE: prints failed tests, writes "PASSED FAILED TRX_FILES".
summarize_trx() {
  "$PYTHON" - "$1" "$2" <<'PY'
import glob, os, re, sys
import xml.etree.ElementTree as ET

results_dir, counts_file = sys.argv[1], sys.argv[2]
NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
MAX_LISTED = 200

def first_lines(text, n=1):
    lines = [l.strip()[:400] for l in (text or "").splitlines() if l.strip()]
    return "\n      ".join(lines[:n])

passed = failed = not_executed = 0
problems = []   # (outcome, test name, message)
files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))
for path in files:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        failed += 1
        problems.append(("Unreadable", os.path.basename(path), str(e)))
        continue
    results = root.iter(NS + "UnitTestResult")
    file_passed = file_total = 0
    for r in results:
        file_total += 1
        outcome = r.get("outcome", "")
        if outcome == "Passed":
            file_passed += 1
            continue
        if outcome == "NotExecuted":
            not_executed += 1
        msg = r.find(f"{NS}Output/{NS}ErrorInfo/{NS}Message")
        problems.append((outcome, r.get("testName", "?"), first_lines(msg.text if msg is not None else "")))
    counters = root.find(f"{NS}ResultSummary/{NS}Counters")
    if counters is not None:   # authoritative when present
        file_total = int(counters.get("total", file_total))
        file_passed = int(counters.get("passed", file_passed))
    passed += file_passed
    failed += file_total - file_passed
    # Run-level errors, e.g. "Test host process crashed" or blame hang aborts.
    # (xunit also copies each "[FAIL]" console line here: already listed above.)
    # An aborted run counts as one failure: its unfinished tests have no result.
    for info in root.iter(NS + "RunInfo"):
        text = info.find(NS + "Text")
        text = text.text if text is not None else ""
        if info.get("outcome") != "Error" or re.match(r"\s*\[xUnit\.net [^]]*\].*\[FAIL\]\s*$", text):
            continue
        aborted = "run was aborted" in text.lower()
        failed += 1 if aborted else 0
        problems.append(("RunAborted" if aborted else "RunError", os.path.basename(path), first_lines(text, 3)))

# Blame's Sequence_*.xml names the tests that started but never finished
# (killed by --blame-hang-timeout, or running when the test host crashed).
# Listed only: the aborted run above already counts as a failure.
seen = set()   # blame copies each sequence file to two places
for path in glob.glob(os.path.join(results_dir, "**", "Sequence_*.xml"), recursive=True):
    if os.path.basename(path) in seen:
        continue
    seen.add(os.path.basename(path))
    try:
        for t in ET.parse(path).getroot().iter("Test"):
            if t.get("Completed") == "False":
                problems.append(("Unfinished (hung or crashed the test host)", t.get("Name", "?"), ""))
    except ET.ParseError:
        pass

if problems:
    print(f"---- {len(problems)} problem(s) ----")
    for outcome, name, msg in problems[:MAX_LISTED]:
        print(f"  {outcome}: {name}" + (f"\n      {msg}" if msg else ""))
    if len(problems) > MAX_LISTED:
        print(f"  ... and {len(problems) - MAX_LISTED} more")
if not_executed:
    print(f"{not_executed} test(s) NotExecuted (skipped): counted as failed, skips are not allowed")
with open(counts_file, "w") as f:
    f.write(f"{passed} {failed} {len(files)}\n")
PY
}
