using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>Nodes that start before Redis does (a whole-site restart in the wrong order) run and join later.</summary>
public sealed class RedisLateStartTests : IAsyncLifetime
{
    private const string Message = "message";
    private readonly PrivateRedisDeployment _deployment = new();

    private BackplaneTestNode Node1 => _deployment.Node1;

    private BackplaneTestNode Node2 => _deployment.Node2;

    public Task InitializeAsync() => _deployment.StartNodesAsync();

    [Fact]
    public async Task Nodes_started_without_Redis_report_degraded_and_accept_connections_once_Redis_starts()
    {
        Assert.Equal("Degraded", await Probe.ReadinessAsync(Node1));
        // The official backplane subscribes each new connection's channels before accepting it.
        await Assert.ThrowsAnyAsync<Exception>(() => Node1.ConnectAsync(user: "dana"));

        await _deployment.Redis.StartAsync();

        await Eventually.UntilAsync(async () => await Probe.ReadinessAsync(Node1) == "Healthy" && await Probe.ReadinessAsync(Node2) == "Healthy",
            "both nodes reach Redis");
        await using var onNode1 = await Node1.ConnectAsync(user: "dana");
        await using var onNode2 = await Node2.ConnectAsync(user: "eli");
        await onNode2.InvokeAsync("JoinGroup", "early-birds");
        await Probe.UntilReceivedAsync(onNode2, "user", text => Node1.Hub.Clients.User("eli").SendAsync(Message, text));
        await Probe.UntilReceivedAsync(onNode2, "group", text => Node1.Hub.Clients.Group("early-birds").SendAsync(Message, text));
        await Probe.UntilReceivedAsync(onNode1, "all", text => Node2.Hub.Clients.All.SendAsync(Message, text));
    }

    public Task DisposeAsync() => _deployment.DisposeAsync().AsTask();
}
