using Hangfire.Storage;
using Hangfire.Storage.Monitoring;

namespace CleanBackend.WebApi.JobsDashboard;

/// <param name="JobType">The job class, e.g. FeedFanOutJob.</param>
/// <param name="P50Ms">Median run time of the succeeded runs, in milliseconds (nearest rank).</param>
/// <param name="P95Ms">95th percentile of the same.</param>
public sealed record JobTypeDurations(string JobType, int Succeeded, int Failed, double P50Ms, double P95Ms, double MaxMs);

/// <summary>
/// Runs and run-time percentiles per job type, from Hangfire's own job state history: the Succeeded state records how
/// long the job ran (PerformanceDuration), the Failed state what failed. It covers what the store still keeps:
/// succeeded jobs expire after a day (Hangfire's default), failed ones stay until retried or deleted.
/// </summary>
public static class JobDurationStatistics
{
    /// <summary>The most recent jobs of each final state read per page view, so a busy day cannot make the page slow.</summary>
    public const int MaxJobsRead = 10_000;

    public static IReadOnlyList<JobTypeDurations> Read(IMonitoringApi monitoring)
    {
        var succeeded = monitoring.SucceededJobs(0, MaxJobsRead)
            .Select(j => (Type: TypeOf(j.Value.Job), Ms: RunTime(j.Value)))
            .ToList();
        var failed = monitoring.FailedJobs(0, MaxJobsRead)
            .GroupBy(j => TypeOf(j.Value.Job))
            .ToDictionary(g => g.Key, g => g.Count());

        return succeeded.Select(s => s.Type).Concat(failed.Keys).Distinct()
            .Order(StringComparer.Ordinal)
            .Select(type =>
            {
                var times = succeeded.Where(s => s.Type == type && s.Ms is not null).Select(s => s.Ms!.Value).Order().ToList();
                return new JobTypeDurations(type, succeeded.Count(s => s.Type == type), failed.GetValueOrDefault(type),
                    Percentile(times, 0.50), Percentile(times, 0.95), times.Count == 0 ? 0 : times[^1]);
            })
            .ToList();
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string TypeOf(Hangfire.Common.Job? job) => job?.Type.Name ?? "(unknown job type)";

    /// <summary>How long the job itself ran, without its wait in the queue (which TotalDuration adds).</summary>
    private static double? RunTime(SucceededJobDto job) =>
        job.StateData?.TryGetValue("PerformanceDuration", out var ms) == true && double.TryParse(ms, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : job.TotalDuration;
}
