using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanBackend.TestSupport;

/// <summary>
/// Jobs the dashboard tests schedule on the test server's real scheduler (<see cref="ProbeJobs.ScheduleProbeAsync{TJob}"/>).
/// Their type lives in a test assembly loaded in the server's process, so the persistent store loads them like
/// the application's own. This one always fails: once, and once more on its single retry.
/// </summary>
[RetryPolicy(1, FailingProbeJob.RetryDelay)]
public sealed class FailingProbeJob : IJob<string>
{
    /// <summary>Long enough for a test to see the retry waiting, short enough to keep the test quick.</summary>
    public const string RetryDelay = "00:00:04";

    public ValueTask Execute(IJobExecutionContext context, string input, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"probe failure: {input}");
}

/// <summary>Reports 42 % and then runs until the test releases it by its input.</summary>
[RetryPolicy(0)]
public sealed class ProgressProbeJob : IJob<string>
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static void Release(string input) => Gate(input).TrySetResult();

    public async ValueTask Execute(IJobExecutionContext context, string input, CancellationToken cancellationToken = default)
    {
        context.ReportProgress(42, "halfway there");
        await Gate(input).Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
    }

    private static TaskCompletionSource Gate(string input) =>
        Gates.GetOrAdd(input, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

public static class ProbeJobs
{
    /// <summary>Schedules a one-off run of a probe job on the server's scheduler, named so that the history can be searched for it.</summary>
    public static async Task ScheduleProbeAsync<TJob>(this ApiFactory api, string name) where TJob : IJob<string>
    {
        var scheduler = await api.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.ScheduleJob<TJob, string>(name, TimeSpan.Zero, new OneOffJobOptions { Name = name });
    }
}
