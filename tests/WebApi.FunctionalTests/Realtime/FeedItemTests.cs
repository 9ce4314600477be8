using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class FeedItemTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_post_is_pushed_to_online_followers_only_as_the_post_json()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        var offlineFollower = await TestUser.CreateAsync(api);
        var stranger = await TestUser.CreateAsync(api);
        await follower.FollowAsync(author);
        await offlineFollower.FollowAsync(author);
        await using var authorHub = await RecordingHubConnection.ConnectAsync(api, author);
        await using var followerHub = await RecordingHubConnection.ConnectAsync(api, follower);
        await using var strangerHub = await RecordingHubConnection.ConnectAsync(api, stranger);

        var postId = await author.PublishIdAsync("fresh off the press");

        // The fan-out job runs in the background; the push is the signal that it finished.
        var pushed = await followerHub.NextAsync(RealtimeEvents.FeedItem, TimeSpan.FromSeconds(30));
        PostShape.AssertIsPost(pushed, author, "fresh off the press");
        Assert.Equal((await follower.GetJsonAsync($"/api/posts/{postId}")).GetRawText(), pushed.GetRawText());
        foreach (var hub in new[] { authorHub, strangerHub })
        {
            await hub.SyncAsync();
            Assert.Empty(hub.Received(RealtimeEvents.FeedItem));
        }
    }
}
