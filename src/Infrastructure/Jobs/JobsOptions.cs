namespace CleanBackend.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Where Quartz keeps jobs; unset means <see cref="JobStore.Postgres"/> when the database is PostgreSQL, else <see cref="JobStore.Memory"/>.</summary>
    public JobStore? Store { get; set; }

    /// <summary>
    /// The most runs the execution history keeps (oldest go first); unset means 100,000 in the database (the
    /// PostgreSQL store) and 5,000 in memory. The jobs dashboard's history, counts and charts read these runs.
    /// </summary>
    public int? HistoryMaxRuns { get; set; }

    /// <summary>
    /// How long an idle scheduler waits before looking for due jobs again (at least 1 s). A node that enqueues a job
    /// wakes its own scheduler at once, but a job enqueued by another node (an <c>api</c>-only node, say) is only
    /// seen at the next look; Quartz's own default of 30 s would delay such jobs that long.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cron expressions (Quartz syntax, with seconds) by recurring job name, overriding the defaults in <see cref="RecurringJobs"/>.</summary>
    public Dictionary<string, string> Recurring { get; set; } = [];
}

public enum JobStore
{
    /// <summary>In-process only: jobs not yet run are lost with the process. For the embedded SQLite setup.</summary>
    Memory,

    /// <summary>Persistent and clustered, in the application's PostgreSQL database (qrtz_* tables).</summary>
    Postgres,
}
