using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class RoomHubTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_message_is_saved_then_pushed_to_every_connection_in_the_room_and_nowhere_else()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var carol = await TestUser.CreateAsync(api);
        var room = await alice.CreateRoomAsync();
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await using var bobHub = await RecordingHubConnection.ConnectAsync(api, bob);
        await using var carolHub = await RecordingHubConnection.ConnectAsync(api, carol);
        await aliceHub.InvokeAsync("JoinRoom", room);
        await bobHub.InvokeAsync("JoinRoom", long.Parse(room));

        var sent = await aliceHub.InvokeAsync("SendMessage", room, "hello room");

        foreach (var hub in new[] { aliceHub, bobHub })
        {
            var pushed = await hub.NextAsync(RealtimeEvents.RoomMessage);
            Assert.Equal(room, pushed.GetProperty("roomId").GetString());
            var message = pushed.GetProperty("message");
            Assert.Equal(sent.GetProperty("id").GetString(), message.GetProperty("id").GetString());
            Assert.Equal("hello room", message.GetProperty("text").GetString());
            Assert.Equal(alice.UserName, message.GetProperty("sender").GetProperty("userName").GetString());
        }
        await carolHub.SyncAsync();
        Assert.Empty(carolHub.Received(RealtimeEvents.RoomMessage));

        var saved = await bob.Client.GetFromJsonAsync<JsonElement>($"/api/rooms/{room}/messages");
        Assert.Equal(sent.GetProperty("id").GetString(), Assert.Single(saved.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Messages_are_listed_newest_first_with_a_cursor()
    {
        var alice = await TestUser.CreateAsync(api);
        var room = await alice.CreateRoomAsync();
        await using var hub = await RecordingHubConnection.ConnectAsync(api, alice);
        await hub.InvokeAsync("JoinRoom", room);
        foreach (var text in new[] { "one", "two", "three" }) await hub.InvokeAsync("SendMessage", room, text);

        var first = await alice.Client.GetFromJsonAsync<JsonElement>($"/api/rooms/{room}/messages?limit=2");
        var second = await alice.Client.GetFromJsonAsync<JsonElement>($"/api/rooms/{room}/messages?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        Assert.Equal(["three", "two"], first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(["one"], second.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task An_outsider_cannot_join_a_private_room_and_receives_nothing_from_it()
    {
        var owner = await TestUser.CreateAsync(api);
        var member = await TestUser.CreateAsync(api);
        var outsider = await TestUser.CreateAsync(api);
        var room = await owner.CreateRoomAsync(isPrivate: true);
        await owner.AddRoomMemberAsync(room, member);
        await using var ownerHub = await RecordingHubConnection.ConnectAsync(api, owner);
        await using var memberHub = await RecordingHubConnection.ConnectAsync(api, member);
        await using var outsiderHub = await RecordingHubConnection.ConnectAsync(api, outsider);

        var joinError = await outsiderHub.InvokeExpectingErrorAsync("JoinRoom", room);
        var sendError = await outsiderHub.InvokeExpectingErrorAsync("SendMessage", room, "let me in");
        await ownerHub.InvokeAsync("JoinRoom", room);
        await memberHub.InvokeAsync("JoinRoom", room);
        await ownerHub.InvokeAsync("SendMessage", room, "members only");
        await memberHub.NextAsync(RealtimeEvents.RoomMessage);

        Assert.Contains("This room is private and you are not a member of it.", joinError);
        Assert.Contains($"Join room {room} before sending messages to it.", sendError);
        await outsiderHub.SyncAsync();
        Assert.Empty(outsiderHub.Received(RealtimeEvents.RoomMessage));
        Assert.Empty(outsiderHub.Received(RealtimeEvents.Presence));
    }

    [Fact]
    public async Task Presence_is_sent_to_the_room_on_join_leave_and_disconnect()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var room = await alice.CreateRoomAsync();
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await aliceHub.InvokeAsync("JoinRoom", room);
        AssertPresence(await aliceHub.NextAsync(RealtimeEvents.Presence), room, alice, online: true);

        var bobHub = await RecordingHubConnection.ConnectAsync(api, bob);
        var joined = await bobHub.InvokeAsync("JoinRoom", room);
        AssertPresence(await aliceHub.NextAsync(RealtimeEvents.Presence), room, bob, online: true);
        Assert.Equal([alice.UserName, bob.UserName],
            joined.GetProperty("online").EnumerateArray().Select(u => u.GetProperty("userName").GetString()).Order());
        Assert.Equal(2, (await alice.Client.GetFromJsonAsync<JsonElement>($"/api/rooms/{room}/online")).GetProperty("users").GetArrayLength());

        await bobHub.InvokeAsync("LeaveRoom", room);
        AssertPresence(await aliceHub.NextAsync(RealtimeEvents.Presence), room, bob, online: false);
        await bobHub.InvokeAsync("LeaveRoom", room);

        await bobHub.InvokeAsync("JoinRoom", room);
        AssertPresence(await aliceHub.NextAsync(RealtimeEvents.Presence), room, bob, online: true);
        bobHub.Abort();
        AssertPresence(await aliceHub.NextAsync(RealtimeEvents.Presence), room, bob, online: false);
        await bobHub.DisposeAsync();

        var online = await alice.Client.GetFromJsonAsync<JsonElement>($"/api/rooms/{room}/online");
        Assert.Equal(alice.UserName, Assert.Single(online.GetProperty("users").EnumerateArray()).GetProperty("userName").GetString());
    }

    [Fact]
    public async Task A_second_connection_of_the_same_user_does_not_repeat_presence()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var room = await alice.CreateRoomAsync();
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await aliceHub.InvokeAsync("JoinRoom", room);
        await using var bobPhone = await RecordingHubConnection.ConnectAsync(api, bob);
        await using var bobLaptop = await RecordingHubConnection.ConnectAsync(api, bob);

        await bobPhone.InvokeAsync("JoinRoom", room);
        await bobLaptop.InvokeAsync("JoinRoom", room);
        await bobPhone.InvokeAsync("LeaveRoom", room);
        await aliceHub.SyncAsync();
        Assert.Equal([true, true], aliceHub.Received(RealtimeEvents.Presence).Select(p => p.GetProperty("online").GetBoolean()));

        await bobLaptop.InvokeAsync("LeaveRoom", room);
        AssertPresence(await aliceHub.WaitForAsync(RealtimeEvents.Presence, p => !p.GetProperty("online").GetBoolean()), room, bob, online: false);
    }

    private static void AssertPresence(JsonElement presence, string room, TestUser user, bool online)
    {
        Assert.Equal(room, presence.GetProperty("roomId").GetString());
        Assert.Equal(user.UserName, presence.GetProperty("user").GetProperty("userName").GetString());
        Assert.Equal(user.Id.ToString(), presence.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(online, presence.GetProperty("online").GetBoolean());
    }
}
