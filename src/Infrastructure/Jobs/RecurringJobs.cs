using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Jobs;

/// <param name="Cron">Its configured schedule, also while it is paused: resumed, it runs on this again.</param>
public sealed record RecurringJobSchedule(string Name, string Cron, bool Paused);

/// <summary>
/// Every recurring job, in one place, with its default schedule, registered with Hangfire when a <c>jobs</c> node
/// starts (<see cref="RecurringJobsRegistration"/>). Each schedule is overridable at <c>Jobs:Recurring:&lt;name&gt;</c> with
/// a cron expression in Hangfire's dialect, e.g. <c>Jobs__Recurring__feed-trim="*/10 * * * *"</c>; an invalid one stops
/// the node, naming the setting. Admins pause and resume them on the dashboard's Schedules page.
/// </summary>
/// <remarks>
/// Hangfire 1.8 has no pause of its own. A paused job stays registered with <see cref="Cron.Never"/>, Hangfire's way to
/// disable a recurring job: the scheduler never runs it, yet the job is still there, so "Trigger now" runs it once.
/// Which jobs are paused is a set in Hangfire's storage, the one truth for every node: a node registering the schedules
/// at startup registers a paused job as never, so neither a restart nor a new node unpauses it. Under a lock per job (a
/// node starting meanwhile waits), pausing writes the set first and resuming writes it last, after registering the
/// configured schedule, which Hangfire validates: a crash in between leaves the job paused, as the set says, and an
/// invalid configured cron fails the resume before anything changed (docs/decisions/0019).
/// </remarks>
public sealed class RecurringJobs(IRecurringJobManager manager, JobStorage storage, IOptions<JobsOptions> options)
{
    public const string FeedTrim = "feed-trim";
    public const string MediaCleanup = "media-cleanup";

    private const string PausedSet = "cleanbackend:paused-recurring-jobs";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private sealed record Definition(string Name, Job Job, string DefaultCron);

    private static readonly Definition[] Definitions =
    [
        // Hourly: a feed grows by at most what its followees post in an hour past the 800 kept.
        new(FeedTrim, Job.FromExpression<FeedTrimJob>(job => job.RunAsync(CancellationToken.None)), "0 * * * *"),
        // Hourly: uploads become collectable a day after upload, so an hour's delay is immaterial.
        new(MediaCleanup, Job.FromExpression<MediaCleanupJob>(job => job.RunAsync(CancellationToken.None)), "30 * * * *"),
    ];

    public IReadOnlyList<RecurringJobSchedule> Schedules()
    {
        using var connection = storage.GetConnection();
        var paused = connection.GetAllItemsFromSet(PausedSet);
        return Definitions.Select(d => new RecurringJobSchedule(d.Name, ConfiguredCron(d), paused.Contains(d.Name))).ToList();
    }

    /// <summary>Registers every recurring job: on its configured schedule, or never while it is paused.</summary>
    public void RegisterAll()
    {
        foreach (var definition in Definitions)
            UnderLock(definition, connection => Register(definition, paused: connection.GetAllItemsFromSet(PausedSet).Contains(definition.Name)));
    }

    /// <returns>false when no recurring job has that name.</returns>
    public bool Pause(string name) => Switch(name, paused: true);

    /// <returns>false when no recurring job has that name.</returns>
    /// <exception cref="InvalidOperationException">Its configured cron is invalid; it stays paused.</exception>
    public bool Resume(string name) => Switch(name, paused: false);

    private bool Switch(string name, bool paused)
    {
        if (Definitions.FirstOrDefault(d => d.Name == name) is not { } definition) return false;
        UnderLock(definition, connection =>
        {
            if (!paused) Register(definition, paused: false);
            using (var transaction = connection.CreateWriteTransaction())
            {
                if (paused) transaction.AddToSet(PausedSet, name);
                else transaction.RemoveFromSet(PausedSet, name);
                transaction.Commit();
            }
            if (paused) Register(definition, paused: true);
        });
        return true;
    }

    private void UnderLock(Definition definition, Action<IStorageConnection> action)
    {
        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock($"cleanbackend:recurring-job-schedule:{definition.Name}", LockTimeout))
            action(connection);
    }

    private void Register(Definition definition, bool paused)
    {
        var cron = paused ? Cron.Never() : ConfiguredCron(definition);
        try
        {
            manager.AddOrUpdate(definition.Name, definition.Job, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (ArgumentException invalid)
        {
            throw new InvalidOperationException(
                $"{JobsOptions.Section}:Recurring:{definition.Name} is not a valid cron expression: '{cron}'. {invalid.Message}", invalid);
        }
    }

    private string ConfiguredCron(Definition definition) => options.Value.Recurring.GetValueOrDefault(definition.Name, definition.DefaultCron);
}
