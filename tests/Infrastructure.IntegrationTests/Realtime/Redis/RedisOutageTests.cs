using System.Diagnostics;
using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>
/// Redis stops mid-run (killed, as in a crash) and comes back on the same port: the nodes stay up, report Degraded,
/// drop what they cannot relay without failing the sender, and recover their subscriptions by themselves.
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
    public async Task Without_Redis_nodes_degrade_and_drop_relayed_messages_then_recover_when_Redis_returns()
    {
        await using var onNode1 = await Node1.ConnectAsync(user: "anna");
        await using var onNode2 = await Node2.ConnectAsync(user: "ben");
        var onNode2Id = await onNode2.ConnectionIdAsync();
        Assert.Equal("Healthy", await Probe.ReadinessAsync(Node1));
        await Node1.Hub.Clients.All.SendAsync(Message, "before");
        Assert.Equal("before", (await onNode2.NextAsync(Message)).GetString());
        Assert.Equal("before", (await onNode1.NextAsync(Message)).GetString());

        await _deployment.Redis.StopAsync();

        await Eventually.UntilAsync(async () => await Probe.ReadinessAsync(Node1) == "Degraded", "node 1 reports Degraded");
        var clock = Stopwatch.StartNew();
        await Node1.Hub.Clients.All.SendAsync(Message, "during the outage");
        await Node1.Hub.Clients.User("ben").SendAsync(Message, "during the outage, to ben");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"sends took {clock.Elapsed} without Redis");
        // The node's own clients still get everything; the other node's are caught up over REST later.
        Assert.Equal("during the outage", (await onNode1.NextAsync(Message)).GetString());
        Assert.Contains(Node1.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("dropped a realtime message"));
        var groupError = await Assert.ThrowsAsync<HubException>(() => Node1.Hub.Groups.AddToGroupAsync(onNode2Id, "lobby"));
        Assert.Contains("Redis is unreachable", groupError.Message);
        // Clients can still connect and join groups meanwhile; the subscriptions reach Redis when it is back.
        await using var joinedDuringOutage = await Node2.ConnectAsync(user: "cleo");
        await joinedDuringOutage.InvokeAsync("JoinGroup", "lobby");

        await _deployment.Redis.StartAsync();

        await Eventually.UntilAsync(async () => await Probe.ReadinessAsync(Node1) == "Healthy" && await Probe.ReadinessAsync(Node2) == "Healthy",
            "both nodes report Healthy again");
        await Probe.UntilReceivedAsync(onNode2, "all", text => Node1.Hub.Clients.All.SendAsync(Message, text));
        await Probe.UntilReceivedAsync(joinedDuringOutage, "group", text => Node1.Hub.Clients.Group("lobby").SendAsync(Message, text));
        await Probe.UntilReceivedAsync(onNode2, "user", text => Node1.Hub.Clients.User("ben").SendAsync(Message, text));
        await Node1.Hub.Groups.AddToGroupAsync(onNode2Id, "lobby");
        await Probe.UntilReceivedAsync(onNode2, "remote group", text => Node1.Hub.Clients.Group("lobby").SendAsync(Message, text));
    }

    public Task DisposeAsync() => _deployment.DisposeAsync().AsTask();
}
