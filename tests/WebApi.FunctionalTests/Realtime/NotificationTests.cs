using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class NotificationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_follow_is_pushed_to_the_followee_only_in_the_same_shape_as_the_rest_item()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var carol = await TestUser.CreateAsync(api);
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await using var bobHub = await RecordingHubConnection.ConnectAsync(api, bob);
        await using var carolHub = await RecordingHubConnection.ConnectAsync(api, carol);

        await bob.FollowAsync(alice);

        var pushed = await aliceHub.NextAsync(RealtimeEvents.Notification);
        Assert.Equal("follow", pushed.GetProperty("type").GetString());
        Assert.Equal(bob.Id.ToString(), pushed.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal(bob.UserName, pushed.GetProperty("actor").GetProperty("userName").GetString());
        Assert.Equal(bob.UserName, pushed.GetProperty("actor").GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, pushed.GetProperty("postId").ValueKind);
        Assert.Equal(JsonValueKind.Null, pushed.GetProperty("commentId").ValueKind);
        Assert.False(pushed.GetProperty("read").GetBoolean());
        Assert.Equal(1, (await aliceHub.NextAsync(RealtimeEvents.UnreadCount)).GetProperty("count").GetInt32());

        var listed = Assert.Single((await alice.GetJsonAsync("/api/notifications")).GetProperty("items").EnumerateArray());
        Assert.Equal(listed.GetRawText(), pushed.GetRawText());
        await AssertNothingPushedAsync(bobHub, carolHub);
    }

    [Fact]
    public async Task Like_unlike_and_like_again_notify_the_author_once()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var post = await alice.PublishIdAsync("like me");
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);

        await bob.LikeAsync(post);
        await bob.UnlikeAsync(post);
        await bob.LikeAsync(post);
        await alice.LikeAsync(post);

        var pushed = await aliceHub.NextAsync(RealtimeEvents.Notification);
        Assert.Equal("like", pushed.GetProperty("type").GetString());
        Assert.Equal(post.ToString(), pushed.GetProperty("postId").GetString());
        Assert.Equal(bob.UserName, pushed.GetProperty("actor").GetProperty("userName").GetString());
        await aliceHub.SyncAsync();
        Assert.Single(aliceHub.Received(RealtimeEvents.Notification));
        Assert.Single((await alice.GetJsonAsync("/api/notifications")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_comment_notifies_the_post_author_with_the_comment_but_not_the_commenting_author()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var post = await alice.PublishIdAsync("comment on this");
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await using var bobHub = await RecordingHubConnection.ConnectAsync(api, bob);

        await alice.CommentAsync(post, "my own comment");
        var comment = await bob.CommentAsync(post, "nice post");

        var pushed = await aliceHub.NextAsync(RealtimeEvents.Notification);
        Assert.Equal("comment", pushed.GetProperty("type").GetString());
        Assert.Equal(post.ToString(), pushed.GetProperty("postId").GetString());
        Assert.Equal(comment.GetProperty("id").GetString(), pushed.GetProperty("commentId").GetString());
        await aliceHub.SyncAsync();
        Assert.Single(aliceHub.Received(RealtimeEvents.Notification));
        await AssertNothingPushedAsync(bobHub);
    }

    [Fact]
    public async Task A_mention_notifies_the_mentioned_user_only()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var carol = await TestUser.CreateAsync(api);
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await using var bobHub = await RecordingHubConnection.ConnectAsync(api, bob);
        await using var carolHub = await RecordingHubConnection.ConnectAsync(api, carol);

        var post = await bob.PublishIdAsync($"hello @{alice.UserName} and @{bob.UserName}");

        var pushed = await aliceHub.NextAsync(RealtimeEvents.Notification);
        Assert.Equal("mention", pushed.GetProperty("type").GetString());
        Assert.Equal(post.ToString(), pushed.GetProperty("postId").GetString());
        Assert.Equal(bob.UserName, pushed.GetProperty("actor").GetProperty("userName").GetString());
        await AssertNothingPushedAsync(bobHub, carolHub);
    }

    [Fact]
    public async Task Every_connection_of_the_recipient_receives_the_notification()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        await using var phone = await RecordingHubConnection.ConnectAsync(api, alice);
        await using var laptop = await RecordingHubConnection.ConnectAsync(api, alice);

        await bob.FollowAsync(alice);

        Assert.Equal("follow", (await phone.NextAsync(RealtimeEvents.Notification)).GetProperty("type").GetString());
        Assert.Equal("follow", (await laptop.NextAsync(RealtimeEvents.Notification)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Notifications_are_paged_filtered_by_unread_and_marked_read()
    {
        var alice = await TestUser.CreateAsync(api);
        var followers = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            var follower = await TestUser.CreateAsync(api);
            await follower.FollowAsync(alice);
            followers.Add(follower);
        }

        var first = await alice.GetJsonAsync("/api/notifications?limit=2");
        var second = await alice.GetJsonAsync($"/api/notifications?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var newest = first.GetProperty("items")[0];
        Assert.Equal(followers[2].UserName, newest.GetProperty("actor").GetProperty("userName").GetString());
        Assert.Equal(followers[0].UserName, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("actor").GetProperty("userName").GetString());

        var marked = await alice.Client.PostAsJsonAsync("/api/notifications/read", new { ids = new[] { newest.GetProperty("id").GetString() } });
        await ApiAssert.StatusAsync(marked, 200);
        Assert.Equal(2, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        var unread = await alice.GetJsonAsync("/api/notifications?unreadOnly=true");
        Assert.Equal(2, unread.GetProperty("items").GetArrayLength());
        Assert.All(unread.GetProperty("items").EnumerateArray(), n => Assert.False(n.GetProperty("read").GetBoolean()));
        Assert.True((await alice.GetJsonAsync("/api/notifications")).GetProperty("items")[0].GetProperty("read").GetBoolean());

        await ApiAssert.StatusAsync(await alice.Client.PostAsJsonAsync("/api/notifications/read", new { all = true }), 200);
        Assert.Equal(0, (await alice.GetJsonAsync("/api/notifications/unread-count")).GetProperty("count").GetInt32());
        Assert.Equal(0, (await alice.GetJsonAsync("/api/notifications?unreadOnly=true")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Marking_someone_elses_notification_read_changes_nothing()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        await bob.FollowAsync(alice);
        var notification = (await alice.GetJsonAsync("/api/notifications")).GetProperty("items")[0].GetProperty("id").GetString();

        await ApiAssert.StatusAsync(await bob.Client.PostAsJsonAsync("/api/notifications/read", new { ids = new[] { notification } }), 200);

        Assert.Equal(1, (await alice.GetJsonAsync("/api/notifications/unread-count")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Deleting_a_post_removes_the_notifications_about_it()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var post = await alice.PublishIdAsync("short-lived");
        await bob.LikeAsync(post);
        Assert.Equal(1, (await alice.GetJsonAsync("/api/notifications/unread-count")).GetProperty("count").GetInt32());

        await ApiAssert.StatusAsync(await alice.Client.DeleteAsync($"/api/posts/{post}"), 204);

        Assert.Equal(0, (await alice.GetJsonAsync("/api/notifications")).GetProperty("items").GetArrayLength());
    }

    /// <summary>After a round trip, anything pushed to these connections before it would have arrived.</summary>
    private static async Task AssertNothingPushedAsync(params RecordingHubConnection[] hubs)
    {
        foreach (var hub in hubs)
        {
            await hub.SyncAsync();
            Assert.Empty(hub.Received(RealtimeEvents.Notification));
            Assert.Empty(hub.Received(RealtimeEvents.UnreadCount));
        }
    }
}
