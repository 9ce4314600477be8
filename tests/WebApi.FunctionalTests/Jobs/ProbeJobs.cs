using System.Collections.Concurrent;
using Quartz;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>
/// Jobs the dashboard tests schedule on the test server's real scheduler. Their type lives in the test assembly,
/// which is loaded in the server's process, so the persistent store can load them like the application's own.
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
