namespace CleanBackend.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Where Hangfire keeps jobs; unset means <see cref="JobStore.Postgres"/> when the database is PostgreSQL, else <see cref="JobStore.Sqlite"/>.</summary>
    public JobStore? Store { get; set; }

    /// <summary>
    /// How often an idle node looks for new jobs in the store, and for retries and recurring jobs that came due (at
    /// least 1 s). Hangfire's default of 15 s would delay a job enqueued by another node (an <c>api</c>-only node, say) that long.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Cron expressions by recurring job name, overriding the defaults in <see cref="RecurringJobs"/>. Hangfire's dialect
    /// (Cronos): five fields (minute first), or six with seconds first; times in UTC.
    /// </summary>
    public Dictionary<string, string> Recurring { get; set; } = [];
}

public enum JobStore
{
    /// <summary>A SQLite file in the data folder (jobs.db): one process, jobs not yet run survive a restart. The embedded default.</summary>
    Sqlite,

    /// <summary>Clustered, in the application's PostgreSQL database (schema <c>hangfire</c>).</summary>
    Postgres,
}
