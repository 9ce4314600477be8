using Quartz;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, in one place, with its default schedule. Each is overridable with a Quartz cron
/// expression (seconds first) at <c>Jobs:Recurring:&lt;name&gt;</c>, e.g. <c>Jobs__Recurring__feed-trim="0 */10 * * * ?"</c>.
/// Job and trigger are keyed by the name in group <see cref="Group"/>.
/// </summary>
public static class RecurringJobs
{
    public const string Group = "recurring";

    public static void AddRecurringJobs(this IQuartzBuilder quartz, IReadOnlyDictionary<string, string> cronOverrides)
    {
        // Hourly: a feed grows by at most what its followees post in an hour past the 800 kept.
        quartz.AddRecurring<FeedTrimJob>("feed-trim", "0 0 * * * ?", cronOverrides);
        // Hourly: uploads become collectable a day after upload, so an hour's delay is immaterial.
        quartz.AddRecurring<MediaCleanupJob>("media-cleanup", "0 30 * * * ?", cronOverrides);
    }

    private static void AddRecurring<TJob>(this IQuartzBuilder quartz, string name, string defaultCron,
        IReadOnlyDictionary<string, string> cronOverrides) where TJob : IJob
    {
        var cron = cronOverrides.TryGetValue(name, out var configured) ? configured : defaultCron;
        if (!CronExpression.TryParse(cron, out _))
            throw new InvalidOperationException($"Jobs:Recurring:{name} is not a valid Quartz cron expression: '{cron}'.");

        quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name, Group).WithCronSchedule(cron).WithDescription($"{name}: {cron}"),
            job => job.WithIdentity(name, Group).WithDescription(typeof(TJob).Name));
    }
}
