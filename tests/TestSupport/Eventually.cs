using Xunit;

namespace CleanBackend.TestSupport;

/// <summary>
/// Polls an observable condition until it holds, for the few things nothing signals (a server-side disconnect,
/// Redis coming back, a health state). Fails with the description after the timeout.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {description}.");
            await Task.Delay(50);
        }
    }
}
