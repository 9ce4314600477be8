using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>Adding and removing a group for a connection that another node holds: acknowledged before the call returns.</summary>
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
}
