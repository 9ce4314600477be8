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
    public async Task While_Redis_is_down_REST_keeps_serving_and_ready_says_degraded_and_realtime_recovers_when_it_returns()
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
        // A hub method still works; its push reaches the sender's own node only, and the other client catches up over REST.
        await bobHub.InvokeAsync("SendMessage", room, "during the outage");
        await bobHub.WaitForAsync(RealtimeEvents.RoomMessage, m => m.MessageText() == "during the outage");
        Assert.Contains("during the outage", (await alice.AllItemsAsync($"/api/rooms/{room}/messages")).Select(m => m.GetProperty("text").GetString()));

        await Cluster.Redis.StartAsync();

        await Eventually.UntilAsync(async () => await Node1.ReadinessAsync() == "Healthy" && await Node2.ReadinessAsync() == "Healthy",
            "both nodes report Healthy again");
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
        // Redis lost the presence it had (no persistence); the nodes' heartbeats write it again.
        await Eventually.UntilAsync(async () => (await alice.OnlineInRoomAsync(room)).SequenceEqual(ClusterApi.Names(alice, bob)),
            "the room's presence lists both users again");
    }
}
