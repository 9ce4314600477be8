namespace CleanBackend.Application.Jobs;

/// <summary>One recorded run of a job: an item of the dashboard's history.</summary>
/// <param name="Id">The run's id in the execution history; <c>POST /api/admin/jobs/history/{runId}/retry</c> runs it again.</param>
/// <param name="Job">The job type (the job's name in the scheduler).</param>
/// <param name="Trigger">What fired it: a recurring job's name, a one-off job's name (after its command), or a manual trigger.</param>
/// <param name="Node">The scheduler node that ran it.</param>
/// <param name="Result">One of succeeded, failed, cancelled, skipped (<see cref="JobRunResults"/>).</param>
/// <param name="Attempt">1 for the first attempt at an occurrence, n + 1 for its n-th retry.</param>
/// <param name="WillRetry">A failure after which the retry policy scheduled another attempt.</param>
/// <param name="Manual">Started by "trigger now" or "retry" rather than by its schedule.</param>
/// <param name="Error">The message of what the job threw; null unless it failed.</param>
/// <param name="CanRetry">A failure that can be run again now: the input it had is known.</param>
public sealed record JobRunDto(
    string Id,
    string Job,
    string Trigger,
    string Node,
    DateTimeOffset FiredAt,
    double DurationMs,
    string Result,
    int Attempt,
    bool WillRetry,
    bool Manual,
    string? Error,
    bool CanRetry);

/// <summary>The latest run of a job, as the scheduler's per-job status keeps it (it outlives trimmed history rows).</summary>
public sealed record JobLastRunDto(DateTimeOffset FiredAt, string Result, double DurationMs, string? Node, string? Error, int RunCount, int FailureCount);
