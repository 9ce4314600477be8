using System.Collections.Concurrent;
using System.ComponentModel;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.TestSupport;

/// <summary>
/// Jobs the dashboard tests enqueue on the test server's real Hangfire (<see cref="ProbeJobs"/>). Their type lives in a
/// test assembly loaded in the server's process, so the server's workers load them like the application's own. This
/// one always fails: once, and once more on its single retry, 4 s later.
/// </summary>
[AutomaticRetry(Attempts = 1, DelaysInSeconds = [4])]
public sealed class FailingProbeJob
{
    /// <summary>How many times each input ran, so a test can see a retry from the dashboard run it again.</summary>
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    [DisplayName("Failing probe {0}")]
    public void Run(string input)
    {
        Runs.AddOrUpdate(input, 1, (_, runs) => runs + 1);
        throw new InvalidOperationException($"probe failure: {input}");
    }
}

/// <summary>Runs until the test releases it by its input.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class BlockingProbeJob
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static void Release(string input) => Gate(input).TrySetResult();

    [DisplayName("Blocking probe {0}")]
    public Task RunAsync(string input, CancellationToken cancellationToken) =>
        Gate(input).Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);

    private static TaskCompletionSource Gate(string input) =>
        Gates.GetOrAdd(input, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

public static class ProbeJobs
{
    /// <summary>Enqueues a failing probe on the server's Hangfire; returns the job id.</summary>
    public static string EnqueueFailingProbe(this ApiFactory api, string input) =>
        api.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<FailingProbeJob>(job => job.Run(input));

    /// <summary>Enqueues a failing probe and waits until it failed for good (after its retry).</summary>
    public static async Task<string> RunFailingProbeToTheEndAsync(this ApiFactory api, string input)
    {
        var jobId = api.EnqueueFailingProbe(input);
        await api.WaitUntilFailedAsync(jobId, "the failing probe failed on its retry too");
        return jobId;
    }

    public static Task WaitUntilFailedAsync(this ApiFactory api, string jobId, string description) =>
        Eventually.UntilAsync(() => Task.FromResult(api.JobDetails(jobId).History[0].StateName == FailedState.StateName), description);

    /// <summary>Hangfire's own view of a job: its state history, newest first.</summary>
    public static JobDetailsDto JobDetails(this ApiFactory api, string jobId) =>
        api.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);

    /// <summary>Enqueues a probe that runs until <see cref="BlockingProbeJob.Release"/>; returns the job id.</summary>
    public static string EnqueueBlockingProbe(this ApiFactory api, string input) =>
        api.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<BlockingProbeJob>(job => job.RunAsync(input, CancellationToken.None));
}
