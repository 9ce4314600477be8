using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>The realtime paths on the embedded SQLite default: notification, feed and room pushes.</summary>
public sealed class SqliteRealtimeSmokeTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Notifications_feed_items_and_room_messages_are_pushed_on_sqlite()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        var room = await author.CreateRoomAsync();
        await using var authorHub = await RecordingHubConnection.ConnectAsync(api, author);
        await using var followerHub = await RecordingHubConnection.ConnectAsync(api, follower);

        await follower.FollowAsync(author);
        Assert.Equal("follow", (await authorHub.NextAsync(RealtimeEvents.Notification)).GetProperty("type").GetString());
        Assert.Equal(1, (await authorHub.NextAsync(RealtimeEvents.UnreadCount)).GetProperty("count").GetInt32());

        var postId = await author.PublishIdAsync("on sqlite");
        Assert.Equal(postId.ToString(), (await followerHub.NextAsync(RealtimeEvents.FeedItem, TimeSpan.FromSeconds(30))).GetProperty("id").GetString());

        await authorHub.InvokeAsync("JoinRoom", room);
        await followerHub.InvokeAsync("JoinRoom", room);
        await followerHub.InvokeAsync("SendMessage", room, "hello from sqlite");
        Assert.Equal("hello from sqlite", (await authorHub.NextAsync(RealtimeEvents.RoomMessage)).GetProperty("message").GetProperty("text").GetString());
    }
}
