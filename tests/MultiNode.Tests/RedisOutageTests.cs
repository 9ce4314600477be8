using CleanBackend.Application.Common.Realtime;
using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;
using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests;

/// <summary>Two <c>api,jobs</c> nodes over a redis-server of their own, which the test stops and starts again.</summary>
public sealed class PrivateRedisCluster : NodeCluster
{
    public RedisServerProcess Redis { get; } = new();

    protected override IReadOnlyList<string> InitialRoles => ["api,jobs", "api,jobs"];

    protected override string RedisEndpoint => Redis.Endpoint;

    public override async Task InitializeAsync()
    {
        await Redis.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

public sealed class RedisOutageTests(PrivateRedisCluster cluster, ITestOutputHelper output)
    : ClusterTests<PrivateRedisCluster>(cluster, output), IClassFixture<PrivateRedisCluster>
{
    private AppNodeProcess Node1 => Cluster.Node(1);
    private AppNodeProcess Node2 => Cluster.Node(2);

    [Fact]
    public async Task While_Redis_is_down_REST_and_pushing_commands_keep_working_ready_says_degraded_and_realtime_recovers_within_10_s()
    {
        await using var chat = await RoomAcrossNodes.OpenAsync(Node1, Node2);
        var (alice, bob, room, aliceHub, bobHub) = chat;
        await bobHub.InvokeAsync("JoinRoom", room);
        await bobHub.InvokeAsync("SendMessage", room, "Redis is up");
        await aliceHub.WaitForAsync(RealtimeEvents.RoomMessage, m => m.MessageText() == "Redis is up");

        await Cluster.Redis.StopAsync();

        await Eventually.UntilAsync(async () => await Node1.ReadinessAsync() == "Degraded" && await Node2.ReadinessAsync() == "Degraded",
            "both nodes report Degraded on /health/ready");
        var postId = await alice.PublishAsync("REST does not need Redis");
        Assert.Equal("REST does not need Redis", (await bob.On(Node2).GetJsonAsync($"/api/posts/{postId}")).GetProperty("text").GetString());
        // A command that pushes after commit still succeeds: the message is saved, its push fails at once (the official
        // backplane publishes every send, the sender's own node included) and is only logged; clients catch up over REST.
        var sent = await bobHub.InvokeAsync("SendMessage", room, "during the outage");
        Assert.Equal("during the outage", sent.GetProperty("text").GetString());
        Assert.Contains("during the outage", (await alice.AllItemsAsync($"/api/rooms/{room}/messages")).Select(m => m.GetProperty("text").GetString()));
        await Eventually.UntilAsync(() => Task.FromResult(Node2.Output.Contains("Push of roomMessage failed")), "node 2 logs the failed push");
        Assert.False(bobHub.Closed.IsCompleted);
        Assert.False(aliceHub.Closed.IsCompleted);

        await Cluster.Redis.StartAsync();
        var restarted = System.Diagnostics.Stopwatch.StartNew();

        // Subscriptions come back by themselves, shortly after the connection: send until one crosses (each send is
        // saved, so this polls an observable outcome rather than sleeping).
        var attempt = 0;
        await Eventually.UntilAsync(async () =>
        {
            var text = $"after the outage {++attempt}";
            await bobHub.InvokeAsync("SendMessage", room, text);
            try
            {
                await aliceHub.WaitForAsync(RealtimeEvents.RoomMessage, m => m.MessageText() == text, TimeSpan.FromSeconds(2));
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }, "a room message from node 2 reaches the client on node 1 again", TimeSpan.FromSeconds(60));
        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(10), $"cross-node delivery came back {restarted.Elapsed} after Redis started");
        Output.WriteLine($"cross-node delivery came back {restarted.Elapsed.TotalSeconds:0.0} s after redis-server started");
        await Eventually.UntilAsync(async () => await Node1.ReadinessAsync() == "Healthy" && await Node2.ReadinessAsync() == "Healthy",
            "both nodes report Healthy again");
        // Redis lost the presence it had (no persistence); the nodes' heartbeats write it again.
        await Eventually.UntilAsync(async () => (await alice.OnlineInRoomAsync(room)).SequenceEqual(ClusterApi.Names(alice, bob)),
            "the room's presence lists both users again");
    }
}
