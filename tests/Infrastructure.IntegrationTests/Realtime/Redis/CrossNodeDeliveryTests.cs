using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>
/// Every kind of send, made on one node, reaching real WebSocket clients on the other through the shared Redis.
/// "Did not receive" is proven by order: a later marker sent to everyone must be the client's next message. The
/// marker always comes from the node that sent the message before it: only one sender's messages are ordered.
/// </summary>
public sealed class CrossNodeDeliveryTests(TwoNodeDeployment nodes) : IClassFixture<TwoNodeDeployment>
{
    private const string Message = "message";

    [Fact]
    public async Task SendAll_from_one_node_reaches_clients_on_both_nodes()
    {
        await using var onNode1 = await nodes.Node1.ConnectAsync();
        await using var onNode2 = await nodes.Node2.ConnectAsync();

        await nodes.Node1.Hub.Clients.All.SendAsync(Message, "hello everyone");

        Assert.Equal("hello everyone", (await onNode1.NextAsync(Message)).GetString());
        Assert.Equal("hello everyone", (await onNode2.NextAsync(Message)).GetString());
    }

    [Fact]
    public async Task SendAllExcept_skips_the_excluded_connection_held_by_the_other_node()
    {
        await using var onNode1 = await nodes.Node1.ConnectAsync();
        await using var excluded = await nodes.Node2.ConnectAsync();
        await using var included = await nodes.Node2.ConnectAsync();

        await nodes.Node1.Hub.Clients.AllExcept(await excluded.ConnectionIdAsync()).SendAsync(Message, "not for you");
        await SendMarkerAsync(nodes.Node1);

        await ExpectAsync(onNode1, "not for you", "marker");
        await ExpectAsync(included, "not for you", "marker");
        await ExpectAsync(excluded, "marker");
    }

    [Fact]
    public async Task SendConnection_and_SendConnections_reach_connections_held_by_either_node()
    {
        await using var onNode1 = await nodes.Node1.ConnectAsync();
        await using var onNode2 = await nodes.Node2.ConnectAsync();
        await using var bystander = await nodes.Node2.ConnectAsync();

        await nodes.Node1.Hub.Clients.Client(await onNode2.ConnectionIdAsync()).SendAsync(Message, "just you");
        await nodes.Node1.Hub.Clients.Clients([await onNode1.ConnectionIdAsync(), await onNode2.ConnectionIdAsync()]).SendAsync(Message, "you two");
        await SendMarkerAsync(nodes.Node1);

        await ExpectAsync(onNode2, "just you", "you two", "marker");
        await ExpectAsync(onNode1, "you two", "marker");
        await ExpectAsync(bystander, "marker");
    }

    [Fact]
    public async Task SendGroup_reaches_members_on_both_nodes_and_no_one_else()
    {
        await using var memberOnNode1 = await nodes.Node1.ConnectAsync();
        await using var memberOnNode2 = await nodes.Node2.ConnectAsync();
        await using var outsider = await nodes.Node2.ConnectAsync();
        await memberOnNode1.InvokeAsync("JoinGroup", "chess");
        await memberOnNode2.InvokeAsync("JoinGroup", "chess");

        await nodes.Node1.Hub.Clients.Group("chess").SendAsync(Message, "your move");
        await SendMarkerAsync(nodes.Node1);

        await ExpectAsync(memberOnNode1, "your move", "marker");
        await ExpectAsync(memberOnNode2, "your move", "marker");
        await ExpectAsync(outsider, "marker");
    }

    [Fact]
    public async Task SendGroups_reaches_the_members_of_each_group_across_nodes()
    {
        await using var inGo = await nodes.Node1.ConnectAsync();
        await using var inPoker = await nodes.Node2.ConnectAsync();
        await using var inNeither = await nodes.Node2.ConnectAsync();
        await inGo.InvokeAsync("JoinGroup", "go");
        await inPoker.InvokeAsync("JoinGroup", "poker");
        await inNeither.InvokeAsync("JoinGroup", "bridge");

        await nodes.Node2.Hub.Clients.Groups(["go", "poker"]).SendAsync(Message, "tournament");
        await SendMarkerAsync(nodes.Node2);

        await ExpectAsync(inGo, "tournament", "marker");
        await ExpectAsync(inPoker, "tournament", "marker");
        await ExpectAsync(inNeither, "marker");
    }

    [Fact]
    public async Task SendGroupExcept_skips_the_excluded_member_whichever_node_holds_it()
    {
        await using var sender = await nodes.Node1.ConnectAsync();
        await using var memberOnNode2 = await nodes.Node2.ConnectAsync();
        await using var excludedOnNode2 = await nodes.Node2.ConnectAsync();
        foreach (var client in new[] { sender, memberOnNode2, excludedOnNode2 }) await client.InvokeAsync("JoinGroup", "quiz");

        // From inside the hub: OthersInGroup is SendGroupExcept(caller).
        await sender.InvokeAsync("SendToOthersInGroup", "quiz", "from a member");
        await nodes.Node1.Hub.Clients.GroupExcept("quiz", await excludedOnNode2.ConnectionIdAsync()).SendAsync(Message, "not for the excluded");
        await SendMarkerAsync(nodes.Node1);

        await ExpectAsync(sender, "not for the excluded", "marker");
        await ExpectAsync(memberOnNode2, "from a member", "not for the excluded", "marker");
        await ExpectAsync(excludedOnNode2, "from a member", "marker");
    }

    [Fact]
    public async Task SendUser_reaches_every_connection_of_the_user_on_both_nodes()
    {
        await using var aliceOnNode1 = await nodes.Node1.ConnectAsync(user: "alice");
        await using var aliceOnNode2 = await nodes.Node2.ConnectAsync(user: "alice");
        await using var bob = await nodes.Node2.ConnectAsync(user: "bob");
        await using var carol = await nodes.Node1.ConnectAsync(user: "carol");

        await nodes.Node1.Hub.Clients.User("alice").SendAsync(Message, "hi alice");
        await SendMarkerAsync(nodes.Node1);
        await ExpectAsync(aliceOnNode1, "hi alice", "marker");
        await ExpectAsync(aliceOnNode2, "hi alice", "marker");
        await ExpectAsync(bob, "marker");
        await ExpectAsync(carol, "marker");

        await nodes.Node2.Hub.Clients.Users(["bob", "carol"]).SendAsync(Message, "hi bob and carol");
        await SendMarkerAsync(nodes.Node2);
        await ExpectAsync(bob, "hi bob and carol", "marker");
        await ExpectAsync(carol, "hi bob and carol", "marker");
        await ExpectAsync(aliceOnNode1, "marker");
        await ExpectAsync(aliceOnNode2, "marker");
    }

    [Fact]
    public async Task A_node_without_hub_clients_sends_to_clients_on_the_other_nodes()
    {
        await using var daveOnNode1 = await nodes.Node1.ConnectAsync(user: "dave");
        await using var memberOnNode2 = await nodes.Node2.ConnectAsync();
        await memberOnNode2.InvokeAsync("JoinGroup", "night-shift");

        var jobs = nodes.JobsNode.Hub;
        await jobs.Clients.All.SendAsync(Message, "from the jobs node");
        await jobs.Clients.User("dave").SendAsync(Message, "job done, dave");
        await jobs.Clients.Group("night-shift").SendAsync(Message, "job done, night shift");
        await jobs.Clients.Client(await memberOnNode2.ConnectionIdAsync()).SendAsync(Message, "job done, you");

        await ExpectAsync(daveOnNode1, "from the jobs node", "job done, dave");
        await ExpectAsync(memberOnNode2, "from the jobs node", "job done, night shift", "job done, you");
    }

    [Fact]
    public async Task Group_names_with_pattern_characters_are_plain_names()
    {
        await using var inStar = await nodes.Node1.ConnectAsync();
        await using var inRoom1 = await nodes.Node2.ConnectAsync();
        await inStar.InvokeAsync("JoinGroup", "room*");
        await inRoom1.InvokeAsync("JoinGroup", "room1");

        await nodes.Node2.Hub.Clients.Group("room1").SendAsync(Message, "room1 only");
        await SendMarkerAsync(nodes.Node2);
        await nodes.Node2.Hub.Clients.Group("room*").SendAsync(Message, "star only");
        await SendMarkerAsync(nodes.Node2);

        // Group and All messages travel on different Redis channels, which the backplane reads independently: only
        // what arrives matters here, not its order across channels.
        Assert.DoesNotContain("room1 only", await ReceiveUntilAsync(inStar, "star only", "marker", "marker"));
        Assert.DoesNotContain("star only", await ReceiveUntilAsync(inRoom1, "room1 only", "marker", "marker"));
    }

    [Fact]
    public async Task Messages_from_one_sender_arrive_in_order_on_the_other_node()
    {
        await using var receiver = await nodes.Node2.ConnectAsync(user: "erin");

        var texts = Enumerable.Range(1, 200).Select(i => $"#{i}").ToArray();
        foreach (var text in texts) await nodes.Node1.Hub.Clients.User("erin").SendAsync(Message, text);

        await ExpectInOrderAsync(receiver, texts);
    }

    private static Task SendMarkerAsync(BackplaneTestNode node) => node.Hub.Clients.All.SendAsync(Message, "marker");

    private static async Task<List<string>> ReceiveUntilAsync(RecordingHubConnection client, params string[] awaited)
    {
        var received = new List<string>();
        while (awaited.GroupBy(t => t).Any(g => received.Count(r => r == g.Key) < g.Count()))
            received.Add((await client.NextAsync(Message)).GetString()!);
        return received;
    }

    /// <summary>
    /// The next messages are these, in any order: All, group, user and connection messages travel on different Redis
    /// channels, which the backplane reads independently, so only messages of one channel keep their order.
    /// </summary>
    private static async Task ExpectAsync(RecordingHubConnection client, params string[] texts)
    {
        var received = new List<string>();
        foreach (var _ in texts) received.Add((await client.NextAsync(Message)).GetString()!);
        Assert.Equal(texts.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    private static async Task ExpectInOrderAsync(RecordingHubConnection client, params string[] texts)
    {
        foreach (var expected in texts)
            Assert.Equal(expected, (await client.NextAsync(Message)).GetString());
    }
}
