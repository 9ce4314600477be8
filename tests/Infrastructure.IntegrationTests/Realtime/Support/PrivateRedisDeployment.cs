using CleanBackend.TestSupport;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>Two hub nodes over a redis-server of their own, which the test may stop, start late, or restart.</summary>
public sealed class PrivateRedisDeployment : IAsyncDisposable
{
    public RedisServerProcess Redis { get; } = new();

    public BackplaneTestNode Node1 { get; private set; } = null!;

    public BackplaneTestNode Node2 { get; private set; } = null!;

    /// <summary>Starts both nodes; Redis may or may not be running yet.</summary>
    public async Task StartNodesAsync()
    {
        var prefix = "private-" + Guid.NewGuid().ToString("N")[..8];
        Node1 = await BackplaneTestNode.StartAsync(Redis.Endpoint, prefix);
        Node2 = await BackplaneTestNode.StartAsync(Redis.Endpoint, prefix);
    }

    public async ValueTask DisposeAsync()
    {
        if (Node1 is not null) await Node1.DisposeAsync();
        if (Node2 is not null) await Node2.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
