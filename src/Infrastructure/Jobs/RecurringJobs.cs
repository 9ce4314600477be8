using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, in one place, with its default schedule, registered with Hangfire when a <c>jobs</c> node
/// starts. Each schedule is overridable at <c>Jobs:Recurring:&lt;name&gt;</c> with a cron expression in Hangfire's dialect,
/// e.g. <c>Jobs__Recurring__feed-trim="*/10 * * * *"</c>; an invalid one stops the node, naming the setting.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurringJobs, IOptions<JobsOptions> options) : IHostedService
{
    public const string FeedTrim = "feed-trim";
    public const string MediaCleanup = "media-cleanup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Hourly: a feed grows by at most what its followees post in an hour past the 800 kept.
        AddOrUpdate<FeedTrimJob>(FeedTrim, "0 * * * *");
        // Hourly: uploads become collectable a day after upload, so an hour's delay is immaterial.
        AddOrUpdate<MediaCleanupJob>(MediaCleanup, "30 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void AddOrUpdate<TJob>(string name, string defaultCron) where TJob : RecurringCommandJob
    {
        var cron = options.Value.Recurring.GetValueOrDefault(name, defaultCron);
        try
        {
            recurringJobs.AddOrUpdate<TJob>(name, job => job.RunAsync(CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (ArgumentException invalid)
        {
            throw new InvalidOperationException($"{JobsOptions.Section}:Recurring:{name} is not a valid cron expression: '{cron}'. {invalid.Message}", invalid);
        }
    }
}
