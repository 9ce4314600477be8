namespace CleanBackend.Soak;

/// <summary>
/// The soak's acceptance (issue 15): no error; resident memory after the warm-up grows less than the limit; the p99
/// of the last minutes within 1.5x of the first ones after the warm-up; every hub connection still open. The warm-up
/// is the first 5 minutes of a long run and the first half of a short one. The growth limit is 10% from 10 minutes
/// on; a shorter run (the 2-minute check of build/test.sh) is still warming up its pools and JIT, so it only catches
/// growth without bound, at 25%. Latency is judged from 15 minutes on (5 warm-up, 5 first, 5 last).
/// </summary>
public sealed record SoakVerdict(bool Passed, IReadOnlyList<string> Lines)
{
    public static SoakVerdict Judge(IReadOnlyList<SoakRow> rows, SoakRow total, int hubConnections)
    {
        var lines = new List<string>();
        var passed = true;
        void Check(bool ok, string text)
        {
            passed &= ok;
            lines.Add((ok ? "ok: " : "FAILED: ") + text);
        }

        Check(total.Errors == 0, $"{total.Errors} errors in {total.Requests.Count} requests");
        Check(total.HubConnections == hubConnections, $"{total.HubConnections} of {hubConnections} hub connections open at the end");

        var warmUp = Math.Min(5, rows.Count / 2);
        var baseline = rows[Math.Max(warmUp - 1, 0)].Memory.WorkingSetBytes;
        var final = rows[^1].Memory.WorkingSetBytes;
        var growth = (double)(final - baseline) / baseline;
        var limit = rows.Count >= 10 ? 0.10 : 0.25;
        Check(growth < limit, $"RSS grew {growth:+0.0%;-0.0%} after minute {Math.Max(warmUp, 1)} ({NodeMemory.Megabytes(baseline)} -> {NodeMemory.Megabytes(final)} MB), limit {limit:0%}");

        if (rows.Count >= 15)
        {
            var first = P99Of(rows.Skip(5).Take(5));
            var last = P99Of(rows.TakeLast(5));
            Check(last <= first * 1.5, $"p99 of the last 5 minutes {last.TotalMilliseconds:0.0} ms, of minutes 6-10 {first.TotalMilliseconds:0.0} ms ({last / first:0.00}x, limit 1.5x)");
        }
        else
        {
            lines.Add("p99 trend not judged: it needs at least 15 minutes");
        }
        return new SoakVerdict(passed, lines);
    }

    private static TimeSpan P99Of(IEnumerable<SoakRow> rows) =>
        TestSupport.Load.LoadResults.Percentile([.. rows.SelectMany(r => r.Requests)], 99);
}
