using System.Diagnostics;
using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>
/// Redis stops mid-run (killed, as in a crash) and comes back on the same port: the nodes stay up, report Degraded,
/// fail sends at once (nothing is queued), keep their open connections, and recover their subscriptions by themselves.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private const string Message = "message";
    private readonly PrivateRedisDeployment _deployment = new();

    private BackplaneTestNode Node1 => _deployment.Node1;

    private BackplaneTestNode Node2 => _deployment.Node2;

    public async Task InitializeAsync()
    {
        await _deployment.Redis.StartAsync();
        await _deployment.StartNodesAsync();
    }

    [Fact]
    public async Task Without_Redis_sends_fail_fast_and_open_connections_stay_then_delivery_resumes_within_10_s_of_Redis_returning()
    {
        await using var onNode1 = await Node1.ConnectAsync(user: "anna");
        await using var onNode2 = await Node2.ConnectAsync(user: "ben");
        await onNode2.InvokeAsync("JoinGroup", "lobby");
        var onNode2Id = await onNode2.ConnectionIdAsync();
        Assert.Equal("Healthy", await Probe.ReadinessAsync(Node1));
        await Node1.Hub.Clients.All.SendAsync(Message, "before");
        Assert.Equal("before", (await onNode2.NextAsync(Message)).GetString());
        Assert.Equal("before", (await onNode1.NextAsync(Message)).GetString());

        await _deployment.Redis.StopAsync();

        await Eventually.UntilAsync(async () => await Probe.ReadinessAsync(Node1) == "Degraded", "node 1 reports Degraded");
        // The official backplane publishes every send, local ones included, and fails it at once (FailFast): the
        // app's notifier logs that and clients catch up over REST. Nothing is queued to replay later.
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RedisConnectionException>(() => Node1.Hub.Clients.All.SendAsync(Message, "during the outage"));
        await Assert.ThrowsAsync<RedisConnectionException>(() => Node1.Hub.Clients.User("ben").SendAsync(Message, "during the outage, to ben"));
        await Assert.ThrowsAnyAsync<Exception>(() => Node1.Hub.Groups.AddToGroupAsync(onNode2Id, "lobby"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"failing sends took {clock.Elapsed} without Redis");
        // A new connection needs its user and connection channels subscribed: refused until Redis is back.
        await Assert.ThrowsAnyAsync<Exception>(() => Node2.ConnectAsync(user: "cleo"));
        // The connections already open stay open.
        Assert.Equal(onNode2Id, await onNode2.ConnectionIdAsync());

        await _deployment.Redis.StartAsync();
        var restarted = Stopwatch.StartNew();

        await Probe.UntilReceivedAsync(onNode2, "all", text => Node1.Hub.Clients.All.SendAsync(Message, text));
        await Probe.UntilReceivedAsync(onNode2, "group", text => Node1.Hub.Clients.Group("lobby").SendAsync(Message, text));
        await Probe.UntilReceivedAsync(onNode2, "user", text => Node1.Hub.Clients.User("ben").SendAsync(Message, text));
        await Probe.UntilReceivedAsync(onNode2, "connection", text => Node1.Hub.Clients.Client(onNode2Id).SendAsync(Message, text));
        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(10), $"cross-node delivery came back {restarted.Elapsed} after Redis");
        await using var joinedAfter = await Node2.ConnectAsync(user: "cleo");
        await Eventually.UntilAsync(async () => await Probe.ReadinessAsync(Node1) == "Healthy" && await Probe.ReadinessAsync(Node2) == "Healthy",
            "both nodes report Healthy again");
    }

    public Task DisposeAsync() => _deployment.DisposeAsync().AsTask();
}
