namespace CleanBackend.Application.Jobs;

/// <summary>
/// What the jobs dashboard reads from, and does to, the job scheduler: its cluster nodes, the firings running
/// now, the execution history and its statistics, the recurring jobs. Implemented over Quartz's own query APIs;
/// with a persistent clustered store every answer covers the whole cluster, with the in-memory store this process.
/// </summary>
public interface IJobsDashboard
{
    /// <summary>Which store the scheduler uses and where the history is kept.</summary>
    Task<JobSchedulerInfo> GetSchedulerAsync(CancellationToken cancellationToken);

    /// <summary>Counts of runs that fired since <paramref name="since"/>, and of what is retrying or running now.</summary>
    Task<JobCounts> GetCountsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Runs per job type since <paramref name="since"/> in buckets of <paramref name="bucketSize"/>, oldest first.</summary>
    Task<IReadOnlyList<JobTypeStatisticsDto>> GetStatisticsAsync(DateTimeOffset since, TimeSpan bucketSize, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClusterNodeDto>> GetNodesAsync(CancellationToken cancellationToken);

    /// <summary>Firings running now on any node, longest running first.</summary>
    Task<IReadOnlyList<ExecutingJobDto>> GetExecutingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The names of the job types the scheduler knows or has history of, sorted.</summary>
    Task<IReadOnlyList<string>> GetJobTypesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RecurringJobState>> GetRecurringJobsAsync(CancellationToken cancellationToken);

    /// <summary>Runs newest first, fired before <see cref="JobHistoryFilter.FiredBefore"/>, after skipping <see cref="JobHistoryFilter.Skip"/>.</summary>
    Task<IReadOnlyList<JobRunDto>> GetHistoryAsync(JobHistoryFilter filter, CancellationToken cancellationToken);

    /// <summary>Fires the recurring job now, outside its schedule; false when there is no such recurring job.</summary>
    Task<bool> TriggerRecurringJobAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stops the recurring job's schedule until resumed, recording who paused it; false when there is no such job.</summary>
    Task<bool> PauseRecurringJobAsync(string name, string pausedBy, CancellationToken cancellationToken);

    /// <summary>Resumes the recurring job's schedule; false when there is no such job.</summary>
    Task<bool> ResumeRecurringJobAsync(string name, CancellationToken cancellationToken);

    /// <summary>Runs a recorded run's job again now, with the input that run had.</summary>
    Task<JobRetryOutcome> RetryRunAsync(string runId, CancellationToken cancellationToken);
}

/// <param name="Store">"postgres" (persistent, clustered) or "memory" (this process only).</param>
/// <param name="History">"database" (shared by the cluster) or "memory" (this process, lost on restart).</param>
public sealed record JobSchedulerInfo(string Name, string InstanceId, string Store, bool Clustered, string History, DateTimeOffset? RunningSince);

/// <param name="Succeeded">Runs that succeeded (or found nothing to do).</param>
/// <param name="Failed">Runs that failed for the last time: no retry was scheduled after them.</param>
/// <param name="Retrying">Triggers waiting now to run a failed occurrence again under the retry policy.</param>
/// <param name="Executing">Firings running now.</param>
/// <remarks>Counts are ints: the API writes every long as a string (ids), and no count here comes near int's range.</remarks>
public sealed record JobCounts(int Succeeded, int Failed, int Retrying, int Executing);

/// <summary>A recurring job as the scheduler holds it, with its latest run.</summary>
/// <param name="State">The trigger's state: "normal", "paused", "blocked" (a run is still going), "error" ...</param>
public sealed record RecurringJobState(
    string Name,
    string JobType,
    string Cron,
    string TimeZone,
    string State,
    DateTimeOffset? NextRun,
    DateTimeOffset? PreviousRun,
    JobLastRunDto? LastRun);

/// <summary>Which runs to list.</summary>
/// <param name="Job">A job type name; null lists every job's runs.</param>
/// <param name="Result">One of <see cref="JobRunResults.Filters"/>; null lists every result.</param>
/// <param name="FiredBefore">Only runs that fired strictly before this; null for up to now.</param>
/// <param name="Skip">Runs to skip first (those of the previous page that fired at exactly <paramref name="FiredBefore"/> - 1 tick).</param>
public sealed record JobHistoryFilter(string? Job, string? Result, DateTimeOffset? FiredBefore, int Skip, int Take);

public enum JobRetryOutcome
{
    Started,
    NotFound,

    /// <summary>The run did not fail: there is nothing to retry.</summary>
    NotFailed,

    /// <summary>The run's input was not recorded (too large), so it cannot be run again as it was.</summary>
    InputUnknown,

    /// <summary>The job type no longer exists in the scheduler.</summary>
    JobGone,
}
