using CleanBackend.TestSupport.Load;

namespace CleanBackend.Soak;

/// <summary>One line of the soak's table: a minute of load (or the whole run) and the node's state at its end.</summary>
public sealed record SoakRow(string Label, IReadOnlyList<RequestOutcome> Requests, NodeMemory Memory, int HubConnections)
{
    public int Errors => Requests.Count(o => o.Failed);

    public TimeSpan P50 => LoadResults.Percentile(Requests, 50);

    public TimeSpan P99 => LoadResults.Percentile(Requests, 99);

    public const string Header = "| minute | requests | errors | p50 ms | p99 ms | RSS MB | managed heap MB | hub connections |\n|---|---|---|---|---|---|---|---|";

    public override string ToString() =>
        $"| {Label} | {Requests.Count} | {Errors} | {P50.TotalMilliseconds:0.0} | {P99.TotalMilliseconds:0.0} | " +
        $"{NodeMemory.Megabytes(Memory.WorkingSetBytes)} | {NodeMemory.Megabytes(Memory.ManagedHeapBytes)} | {HubConnections} |";
}
