using System.Diagnostics;
using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.Infrastructure.Realtime.Redis;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>Adding and removing a group for a connection that another node holds: acknowledged, or a clear error.</summary>
public sealed class RemoteGroupMembershipTests(TwoNodeDeployment nodes) : IClassFixture<TwoNodeDeployment>
{
    private const string Message = "message";

    [Fact]
    public async Task Adding_and_removing_a_connection_held_by_another_node_is_acknowledged_and_takes_effect()
    {
        await using var onNode2 = await nodes.Node2.ConnectAsync();
        var onNode2Id = await onNode2.ConnectionIdAsync();

        await nodes.Node1.Hub.Groups.AddToGroupAsync(onNode2Id, "backgammon");
        // The ack means node 2 is subscribed: the very next group send must arrive.
        await nodes.Node1.Hub.Clients.Group("backgammon").SendAsync(Message, "welcome");
        Assert.Equal("welcome", (await onNode2.NextAsync(Message)).GetString());

        await nodes.Node1.Hub.Groups.RemoveFromGroupAsync(onNode2Id, "backgammon");
        await nodes.Node1.Hub.Clients.Group("backgammon").SendAsync(Message, "after you left");
        await nodes.Node1.Hub.Clients.All.SendAsync(Message, "marker");
        Assert.Equal("marker", (await onNode2.NextAsync(Message)).GetString());
    }

    [Fact]
    public async Task A_hub_method_can_add_a_connection_held_by_another_node_to_a_group()
    {
        await using var caller = await nodes.Node1.ConnectAsync();
        await using var target = await nodes.Node2.ConnectAsync();

        await caller.InvokeAsync("AddConnectionToGroup", await target.ConnectionIdAsync(), "scrabble");
        await nodes.Node2.Hub.Clients.Group("scrabble").SendAsync(Message, "you were invited");

        Assert.Equal("you were invited", (await target.NextAsync(Message)).GetString());
    }

    [Fact]
    public async Task A_group_change_no_node_acknowledges_fails_with_a_clear_error_after_the_ack_timeout()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<HubException>(() => nodes.Node1.Hub.Groups.AddToGroupAsync("no-such-connection", "checkers"));

        Assert.True(clock.Elapsed >= TwoNodeDeployment.AckTimeout - TimeSpan.FromMilliseconds(100), $"failed after {clock.Elapsed}");
        Assert.Contains("Adding connection 'no-such-connection' to group 'checkers' was not acknowledged within 2 s", error.Message);
        Assert.Contains("no node holds that connection", error.Message);
        var removal = await Assert.ThrowsAsync<HubException>(() => nodes.Node2.Hub.Groups.RemoveFromGroupAsync("no-such-connection", "checkers"));
        Assert.Contains("Removing connection 'no-such-connection' from group 'checkers' was not acknowledged", removal.Message);
    }

    [Fact]
    public async Task A_client_asking_for_a_group_change_nobody_acknowledges_gets_the_error_message()
    {
        await using var caller = await nodes.Node1.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => caller.InvokeAsync("AddConnectionToGroup", "gone-connection", "go"));

        Assert.Contains("Adding connection 'gone-connection' to group 'go' was not acknowledged", error.Message);
    }

    [Fact]
    public async Task A_node_is_subscribed_to_a_group_once_and_exactly_while_it_has_members()
    {
        var channel = new RedisChannels(nodes.ChannelPrefix, typeof(BackplaneTestHub).FullName!).Group("mahjong");
        await using var leavesByMethod = await nodes.Node2.ConnectAsync();
        var leavesByDisconnecting = await nodes.Node2.ConnectAsync();
        await leavesByMethod.InvokeAsync("JoinGroup", "mahjong");
        await leavesByDisconnecting.InvokeAsync("JoinGroup", "mahjong");
        Assert.Equal(1, await SubscribersAsync(channel));

        await leavesByMethod.InvokeAsync("LeaveGroup", "mahjong");
        Assert.Equal(1, await SubscribersAsync(channel));

        await leavesByDisconnecting.DisposeAsync();
        // The server handles the disconnect on its own schedule; nothing signals it to the test.
        await Eventually.UntilAsync(async () => await SubscribersAsync(channel) == 0, "node 2 unsubscribes the empty group");
    }

    private async Task<long> SubscribersAsync(StackExchange.Redis.RedisChannel channel)
    {
        var redis = await nodes.Node1.Services.GetRequiredService<RedisBackplaneConnection>().GetAsync();
        return await redis.GetServer(redis.GetEndPoints()[0]).SubscriptionSubscriberCountAsync(channel);
    }
}
