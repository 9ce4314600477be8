using System.Collections.Concurrent;
using System.Diagnostics;

namespace CleanBackend.TestSupport.Load;

/// <summary>One request of the load: when it started (since the load began), what it was, how it ended.</summary>
public readonly record struct RequestOutcome(TimeSpan StartedAt, string Operation, int Status, TimeSpan Latency, string? Error, bool IsProblem = false)
{
    /// <summary>
    /// What the issue calls a failed request: a 5xx or no answer at all (connection error, timeout). A 409 is a race the
    /// API answers on purpose (two likes of one post at once); any other 4xx is the load's own mistake and fails too.
    /// </summary>
    public bool Failed => Error is not null || Status >= 500 || (Status >= 400 && Status != 409);

    public override string ToString() => $"{StartedAt.TotalSeconds,8:0.000}s {Operation} -> {(Error ?? Status.ToString())} in {Latency.TotalMilliseconds:0} ms";
}

/// <summary>The outcomes of every request of a load run, safe to add to from many tasks.</summary>
public sealed class LoadResults
{
    private readonly ConcurrentQueue<RequestOutcome> _outcomes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Time since the load began, the time axis of every outcome.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Add(RequestOutcome outcome) => _outcomes.Enqueue(outcome);

    public IReadOnlyList<RequestOutcome> All => [.. _outcomes];

    /// <summary>The outcomes of requests started in [from, to).</summary>
    public IReadOnlyList<RequestOutcome> Between(TimeSpan from, TimeSpan to) => [.. _outcomes.Where(o => o.StartedAt >= from && o.StartedAt < to)];

    /// <summary>The p-th percentile (0-100) of the latencies, nearest rank; zero for no outcomes.</summary>
    public static TimeSpan Percentile(IReadOnlyList<RequestOutcome> outcomes, double p)
    {
        if (outcomes.Count == 0) return TimeSpan.Zero;
        var sorted = outcomes.Select(o => o.Latency).Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
