using System.Net.Http.Json;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class CatchUpTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task After_reconnecting_a_client_reads_over_rest_everything_pushed_while_it_was_away()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var admin = await TestUser.AdminAsync(api);
        var post = await alice.PublishIdAsync("while you were out");
        var room = await alice.CreateRoomAsync();
        var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await aliceHub.InvokeAsync("JoinRoom", room);
        await using var bobHub = await RecordingHubConnection.ConnectAsync(api, bob);
        await bobHub.InvokeAsync("JoinRoom", room);
        await bobHub.InvokeAsync("SendMessage", room, "seen live");
        var seen = (await aliceHub.NextAsync(RealtimeEvents.RoomMessage)).GetProperty("message").GetProperty("id").GetString();

        aliceHub.Abort();
        await bobHub.WaitForAsync(RealtimeEvents.Presence, p => !p.GetProperty("online").GetBoolean());
        await aliceHub.DisposeAsync();
        await bob.FollowAsync(alice);
        await bob.LikeAsync(post);
        await bobHub.InvokeAsync("SendMessage", room, "missed one");
        await bobHub.InvokeAsync("SendMessage", room, "missed two");
        await ApiAssert.StatusAsync(await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message = "missed broadcast" }), 202);

        await using var reconnected = await RecordingHubConnection.ConnectAsync(api, alice);
        var notifications = (await alice.GetJsonAsync("/api/notifications?unreadOnly=true")).GetProperty("items");
        var unread = await alice.GetJsonAsync("/api/notifications/unread-count");
        var messages = (await alice.GetJsonAsync($"/api/rooms/{room}/messages")).GetProperty("items");
        var broadcasts = (await alice.GetJsonAsync("/api/broadcasts")).GetProperty("items");

        Assert.Equal(["like", "follow"], notifications.EnumerateArray().Select(n => n.GetProperty("type").GetString()));
        Assert.Equal(2, unread.GetProperty("count").GetInt32());
        var missed = messages.EnumerateArray().TakeWhile(m => m.GetProperty("id").GetString() != seen).Select(m => m.GetProperty("text").GetString());
        Assert.Equal(["missed two", "missed one"], missed);
        Assert.Equal("missed broadcast", broadcasts[0].GetProperty("message").GetString());

        await reconnected.InvokeAsync("JoinRoom", room);
        await bobHub.InvokeAsync("SendMessage", room, "welcome back");
        Assert.Equal("welcome back", (await reconnected.NextAsync(RealtimeEvents.RoomMessage)).GetProperty("message").GetProperty("text").GetString());
    }
}
