namespace CleanBackend.Application.Jobs;

/// <summary>The words the dashboard uses for what a run achieved, and for the history's result filter.</summary>
public static class JobRunResults
{
    public const string Succeeded = "succeeded";

    /// <summary>The job threw (or reported a failure).</summary>
    public const string Failed = "failed";

    /// <summary>The run was cancelled (e.g. the node shut down) and stopped rather than finished.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The job ran and found nothing to do; counts as a success.</summary>
    public const string Skipped = "skipped";

    /// <summary>History filter: failed runs after which a retry was scheduled (not the occurrence's last word).</summary>
    public const string Retried = "retried";

    /// <summary>History filter values: <see cref="Failed"/> selects the final failures, <see cref="Retried"/> the retried ones.</summary>
    public static readonly IReadOnlyList<string> Filters = [Succeeded, Failed, Retried, Cancelled, Skipped];
}
