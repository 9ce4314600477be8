using CleanBackend.TestSupport;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>
/// Two hub nodes and one node without a web server, over the shared test Redis. A channel prefix of their own
/// keeps them apart from every other test using the same Redis.
/// </summary>
public sealed class TwoNodeDeployment : IAsyncLifetime
{
    public string ChannelPrefix { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    public BackplaneTestNode Node1 { get; private set; } = null!;

    public BackplaneTestNode Node2 { get; private set; } = null!;

    /// <summary>No hub clients of its own, like a jobs-only node.</summary>
    public BackplaneTestNode JobsNode { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var redis = TestEnvironment.Redis;
        var nodes = await Task.WhenAll(
            BackplaneTestNode.StartAsync(redis, ChannelPrefix),
            BackplaneTestNode.StartAsync(redis, ChannelPrefix),
            BackplaneTestNode.StartAsync(redis, ChannelPrefix, serveHub: false));
        (Node1, Node2, JobsNode) = (nodes[0], nodes[1], nodes[2]);
        // The shared Redis is up; on a busy machine a node's first connect to it can still outlast its start.
        await Task.WhenAll(nodes.Select(node => node.RedisConnectedAsync()));
    }

    public async Task DisposeAsync()
    {
        await Node1.DisposeAsync();
        await Node2.DisposeAsync();
        await JobsNode.DisposeAsync();
    }
}
