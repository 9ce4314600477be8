using CleanBackend.Application.Common.Realtime;
using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;
using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests;

/// <summary>Realtime between clients connected to different node processes, through the Redis backplane.</summary>
[Collection(ThreeNodeCollection.Name)]
public sealed class CrossNodeRealtimeTests(ThreeNodeCluster cluster, ITestOutputHelper output)
    : ClusterTests<ThreeNodeCluster>(cluster, output)
{
    private AppNodeProcess Node1 => Cluster.Node(1);
    private AppNodeProcess Node2 => Cluster.Node(2);

    [Fact]
    public async Task A_follow_made_through_node_2_notifies_the_followee_connected_to_node_1()
    {
        var followee = await TestUser.CreateAsync(Node1.Address);
        var follower = await TestUser.CreateAsync(Node2.Address);
        await using var followeeHub = await followee.ConnectHubAsync(Node1);

        await follower.FollowAsync(followee);

        var notification = await followeeHub.NextAsync(RealtimeEvents.Notification);
        Assert.Equal("follow", notification.GetProperty("type").GetString());
        Assert.Equal(follower.UserName, notification.GetProperty("actor").GetProperty("userName").GetString());
        Assert.Equal(1, (await followeeHub.NextAsync(RealtimeEvents.UnreadCount)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Room_messages_and_presence_cross_nodes()
    {
        await using var chat = await RoomAcrossNodes.OpenAsync(Node1, Node2);
        var (alice, bob, room, aliceHub, bobHub) = chat;

        var joined = await bobHub.InvokeAsync("JoinRoom", room);

        Assert.Equal(ClusterApi.Names(alice, bob), joined.GetProperty("online").EnumerateArray().Select(u => u.GetProperty("userName").GetString()!).Order());
        Assert.True((await aliceHub.WaitForAsync(RealtimeEvents.Presence, p => p.Presence().UserName == bob.UserName)).Presence().Online);
        Assert.Equal(ClusterApi.Names(alice, bob), await alice.OnlineInRoomAsync(room));
        Assert.Equal(ClusterApi.Names(alice, bob), await bob.OnlineInRoomAsync(room));

        await bobHub.InvokeAsync("SendMessage", room, "hello from node 2");
        Assert.Equal("hello from node 2", (await aliceHub.NextAsync(RealtimeEvents.RoomMessage)).MessageText());
        await aliceHub.InvokeAsync("SendMessage", room, "hello from node 1");
        Assert.Equal("hello from node 1", (await bobHub.WaitForAsync(RealtimeEvents.RoomMessage, m => m.MessageText() == "hello from node 1")).MessageText());

        await bobHub.InvokeAsync("LeaveRoom", room);
        Assert.Equal((bob.UserName, false), (await aliceHub.WaitForAsync(RealtimeEvents.Presence, p => p.Presence().UserName == bob.UserName)).Presence());
        Assert.Equal(ClusterApi.Names(alice), await bob.OnlineInRoomAsync(room));
    }

    [Fact]
    public async Task A_user_in_a_room_on_two_nodes_is_announced_when_the_first_connection_joins_and_the_last_one_leaves()
    {
        var watcher = await TestUser.CreateAsync(Node1.Address);
        var roamer = await TestUser.CreateAsync(Node1.Address);
        var room = await watcher.CreateRoomAsync();
        await using var watcherHub = await watcher.ConnectHubAsync(Node1);
        await watcherHub.InvokeAsync("JoinRoom", room);
        Assert.Equal((watcher.UserName, true), (await watcherHub.NextAsync(RealtimeEvents.Presence)).Presence());
        await using var roamerOnNode1 = await roamer.ConnectHubAsync(Node1);
        await using var roamerOnNode2 = await roamer.ConnectHubAsync(Node2);

        await roamerOnNode2.InvokeAsync("JoinRoom", room);
        Assert.Equal((roamer.UserName, true), (await watcherHub.NextAsync(RealtimeEvents.Presence)).Presence());
        await roamerOnNode1.InvokeAsync("JoinRoom", room);
        await roamerOnNode2.InvokeAsync("LeaveRoom", room);
        Assert.Equal(ClusterApi.Names(roamer, watcher), await watcher.OnlineInRoomAsync(room));
        await roamerOnNode1.InvokeAsync("LeaveRoom", room);
        Assert.Equal((roamer.UserName, false), (await watcherHub.NextAsync(RealtimeEvents.Presence)).Presence());

        // The second tab's join (node 1) and the first tab's leave (node 2) announced nothing.
        await watcherHub.SyncAsync();
        Assert.Equal(3, watcherHub.Received(RealtimeEvents.Presence).Count);
        Assert.Equal(ClusterApi.Names(watcher), await watcher.OnlineInRoomAsync(room));
    }

    [Fact]
    public async Task A_private_room_stays_private_across_nodes()
    {
        var owner = await TestUser.CreateAsync(Node1.Address);
        var member = await TestUser.CreateAsync(Node2.Address);
        var outsider = await TestUser.CreateAsync(Node2.Address);
        var room = await owner.CreateRoomAsync(isPrivate: true);
        await owner.AddRoomMemberAsync(room, member);
        await using var ownerHub = await owner.ConnectHubAsync(Node1);
        await using var memberHub = await member.ConnectHubAsync(Node2);
        await using var outsiderHub = await outsider.ConnectHubAsync(Node2);
        await ownerHub.InvokeAsync("JoinRoom", room);
        await memberHub.InvokeAsync("JoinRoom", room);

        var refused = await outsiderHub.InvokeExpectingErrorAsync("JoinRoom", room);
        await ownerHub.InvokeAsync("SendMessage", room, "members only");

        Assert.Contains("This room is private and you are not a member of it.", refused);
        Assert.Equal("members only", (await memberHub.NextAsync(RealtimeEvents.RoomMessage)).MessageText());
        await ApiAssert.ProblemAsync(await outsider.Client.GetAsync($"/api/rooms/{room}/messages"), 403);
        await ApiAssert.ProblemAsync(await outsider.Client.GetAsync($"/api/rooms/{room}/online"), 403);
        // The member's node (also the outsider's) has delivered the message: the outsider's connection got nothing.
        await outsiderHub.SyncAsync();
        Assert.Empty(outsiderHub.Received(RealtimeEvents.RoomMessage));
        Assert.Empty(outsiderHub.Received(RealtimeEvents.Presence));
    }

    [Fact]
    public async Task An_admin_broadcast_through_node_1_reaches_clients_on_both_api_nodes()
    {
        var admin = await TestUser.AdminAsync(Node1.Address);
        var onNode1 = await TestUser.CreateAsync(Node1.Address);
        var onNode2 = await TestUser.CreateAsync(Node2.Address);
        await using var hub1 = await onNode1.ConnectHubAsync(Node1);
        await using var hub2 = await onNode2.ConnectHubAsync(Node2);
        var message = "maintenance " + Guid.NewGuid().ToString("N")[..6];

        var id = await admin.BroadcastAsync(message);

        var received1 = await hub1.WaitForAsync(RealtimeEvents.Broadcast, b => b.Id() == id);
        var received2 = await hub2.WaitForAsync(RealtimeEvents.Broadcast, b => b.Id() == id);
        Assert.Equal(message, received1.GetProperty("message").GetString());
        Assert.Equal(message, received2.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Joining_and_leaving_a_room_on_node_1_decides_what_reaches_that_connection_from_node_2()
    {
        var listener = await TestUser.CreateAsync(Node1.Address);
        var speaker = await TestUser.CreateAsync(Node2.Address);
        var room = await speaker.CreateRoomAsync();
        var fence = await speaker.CreateRoomAsync();
        await using var listenerHub = await listener.ConnectHubAsync(Node1);
        await using var speakerHub = await speaker.ConnectHubAsync(Node2);
        await speakerHub.InvokeAsync("JoinRoom", room);
        await speakerHub.InvokeAsync("JoinRoom", fence);
        await listenerHub.InvokeAsync("JoinRoom", fence);

        await listenerHub.InvokeAsync("JoinRoom", room);
        await speakerHub.InvokeAsync("SendMessage", room, "while joined");
        Assert.Equal("while joined", (await listenerHub.NextAsync(RealtimeEvents.RoomMessage)).MessageText());

        await listenerHub.InvokeAsync("LeaveRoom", room);
        await speakerHub.InvokeAsync("SendMessage", room, "after leaving");
        // Node 2 publishes in order and node 1 delivers in order: once the fence room's message is here, the other
        // room's earlier one would have been too.
        await speakerHub.InvokeAsync("SendMessage", fence, "fence");
        await listenerHub.WaitForAsync(RealtimeEvents.RoomMessage, m => m.MessageText() == "fence");
        Assert.DoesNotContain(listenerHub.Received(RealtimeEvents.RoomMessage), m => m.MessageText() == "after leaving");
    }

    [Fact]
    public async Task The_SendMessage_rate_is_counted_across_nodes()
    {
        var chatty = await TestUser.CreateAsync(Node1.Address);
        var room = await chatty.CreateRoomAsync();
        await using var onNode1 = await chatty.ConnectHubAsync(Node1);
        await using var onNode2 = await chatty.ConnectHubAsync(Node2);
        await onNode1.InvokeAsync("JoinRoom", room);
        await onNode2.InvokeAsync("JoinRoom", room);

        for (var i = 0; i < ThreeNodeCluster.SendMessagePerMinute; i++)
            await (i % 2 == 0 ? onNode1 : onNode2).InvokeAsync("SendMessage", room, $"message {i}");
        var refusedOnNode1 = await onNode1.InvokeExpectingErrorAsync("SendMessage", room, "one too many");
        var refusedOnNode2 = await onNode2.InvokeExpectingErrorAsync("SendMessage", room, "one too many");

        Assert.Contains($"Too many messages: at most {ThreeNodeCluster.SendMessagePerMinute} a minute.", refusedOnNode1);
        Assert.Contains($"Too many messages: at most {ThreeNodeCluster.SendMessagePerMinute} a minute.", refusedOnNode2);
        Assert.Equal(ThreeNodeCluster.SendMessagePerMinute, (await chatty.AllItemsAsync($"/api/rooms/{room}/messages")).Count);
    }

    [Fact]
    public async Task A_session_signed_out_through_node_2_has_its_hub_connection_on_node_1_closed()
    {
        var user = await TestUser.CreateAsync(Node2.Address);
        using var anonymous = Node1.CreateHttpClient();
        var stolen = await TestUser.LogInAsync(anonymous, user.UserName);
        await using var stolenHub = await RecordingHubConnection.ConnectAsync(Node1.Address, stolen.AccessToken);
        await using var ownHub = await user.ConnectHubAsync(Node1);

        using var stolenClient = Node1.CreateHttpClient(stolen.AccessToken);
        await ApiAssert.StatusAsync(await user.Client.DeleteAsync($"/api/auth/sessions/{await stolenClient.CurrentSessionIdAsync()}"), 204);

        // Node 1 never hears of the sign-out: its session check (every second here) finds it in the database.
        await stolenHub.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => RecordingHubConnection.ConnectAsync(Node1.Address, stolen.AccessToken));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.Status);
        await ownHub.SyncAsync();
        Assert.False(ownHub.Closed.IsCompleted);
    }
}
