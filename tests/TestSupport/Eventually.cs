using System.Diagnostics;
using Xunit;

namespace CleanBackend.TestSupport;

/// <summary>
/// Polls an observable condition until it holds, for the few things nothing signals (background jobs seen over HTTP,
/// a server-side disconnect, Redis coming back, a health state). Fails with the description after the timeout,
/// generous for a loaded machine.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <param name="diagnose">What the failure message adds after the description: the state that kept the condition false.</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null, Func<Task<string?>>? diagnose = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            if (started.Elapsed > limit)
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting until {description}.{(diagnose is null ? "" : "\n" + await diagnose())}");
            await Task.Delay(50);
        }
    }
}
