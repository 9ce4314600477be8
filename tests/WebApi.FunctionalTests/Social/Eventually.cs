using System.Diagnostics;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>
/// Waits for background work that gives no signal over HTTP (feed jobs) by polling an observable condition,
/// with a generous timeout for a loaded machine.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            if (started.Elapsed > limit) Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting until {description}.");
            await Task.Delay(100);
        }
    }
}
