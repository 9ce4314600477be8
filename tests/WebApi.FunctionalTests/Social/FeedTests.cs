using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Media;

namespace CleanBackend.WebApi.FunctionalTests.Social;

public sealed class FeedTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_followers_feed_shows_a_new_post_after_the_fan_out_job_and_the_author_sees_it_too()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        var stranger = await TestUser.CreateAsync(api);
        await follower.FollowAsync(author);

        var postId = await author.PublishIdAsync("hello followers");

        await follower.FeedEventuallyAsync(ids => ids.Contains(postId), "contains the new post");
        await author.FeedEventuallyAsync(ids => ids.Contains(postId), "contains the author's own post");
        Assert.DoesNotContain(postId, await stranger.FeedIdsAsync());
        Assert.Equal(1L, await api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "PostId" = {postId} AND "UserId" = {follower.Id}"""));
    }

    [Fact]
    public async Task Following_backfills_the_latest_posts_and_unfollowing_removes_them()
    {
        var author = await TestUser.CreateAsync(api);
        var reader = await TestUser.CreateAsync(api);
        var earlier = new List<long>();
        for (var i = 0; i < 3; i++) earlier.Add(await author.PublishIdAsync($"before the follow {i}"));

        await reader.FollowAsync(author);
        await reader.FeedEventuallyAsync(ids => earlier.All(ids.Contains), "contains the author's earlier posts");

        await reader.UnfollowAsync(author);
        await reader.FeedEventuallyAsync(ids => !ids.Intersect(earlier).Any(), "no longer contains the author's posts");
        Assert.Equal(0L, await api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "UserId" = {reader.Id} AND "AuthorId" = {author.Id}"""));
    }

    [Fact]
    public async Task A_deleted_post_disappears_from_feeds_at_once_and_its_feed_rows_are_removed()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        await follower.FollowAsync(author);
        var postId = await author.PublishIdAsync("soon gone");
        await follower.FeedEventuallyAsync(ids => ids.Contains(postId), "contains the post");

        await ApiAssert.StatusAsync(await author.Client.DeleteAsync($"/api/posts/{postId}"), 204);

        Assert.DoesNotContain(postId, await follower.FeedIdsAsync());
        await Eventually.UntilAsync(
            async () => await api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "PostId" = {postId}""") == 0,
            "the deleted post's feed rows are removed");
    }

    [Fact]
    public async Task Paging_the_feed_while_new_posts_arrive_yields_every_older_post_once_in_order()
    {
        var author = await TestUser.CreateAsync(api);
        var reader = await TestUser.CreateAsync(api);
        await reader.FollowAsync(author);
        var before = new List<long>();
        for (var i = 0; i < 12; i++) before.Add(await author.PublishIdAsync($"post {i}"));
        await reader.FeedEventuallyAsync(ids => before.All(ids.Contains), "contains all posts");

        var seen = new List<long>();
        string? cursor = null;
        var page = 0;
        do
        {
            var json = await reader.FeedPageAsync(cursor, limit: 5);
            seen.AddRange(json.GetProperty("items").EnumerateArray().Select(SocialApi.IdOf));
            cursor = json.GetProperty("nextCursor").GetString();
            // New posts between page requests land above the cursor: they must not shift what later pages return.
            await author.PublishIdAsync($"arrived during paging {page++}");
            await reader.FeedEventuallyAsync(ids => ids.Count >= before.Count + page, "contains the post that arrived");
        }
        while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderByDescending(id => id), seen);
        Assert.Equal(before.OrderByDescending(id => id), seen.Where(before.Contains));
    }

    [Fact]
    public async Task Feed_items_have_the_post_shape()
    {
        var author = await TestUser.CreateAsync(api);
        var postId = await author.PublishIdAsync("shape check");
        await author.FeedEventuallyAsync(ids => ids.Contains(postId), "contains the post");

        var item = (await author.FeedPageAsync()).GetProperty("items").EnumerateArray().First(p => SocialApi.IdOf(p) == postId);
        PostShape.AssertIsPost(item, author, "shape check");
    }

    [Fact]
    public async Task A_feed_item_reads_exactly_like_the_post_itself_media_and_the_readers_like_included()
    {
        var author = await TestUser.CreateAsync(api);
        var reader = await TestUser.CreateAsync(api);
        await reader.FollowAsync(author);
        var first = await MediaUpload.UploadAsync(author.Client, TestImages.Png(3, 2));
        var second = await MediaUpload.UploadAsync(author.Client, TestImages.Gif(5, 4));
        var response = await author.Client.PostAsJsonAsync("/api/posts", new { text = "two pictures", mediaIds = new[] { second.GetProperty("id"), first.GetProperty("id") } });
        await ApiAssert.StatusAsync(response, 201);
        var postId = SocialApi.IdOf(await response.Content.ReadFromJsonAsync<JsonElement>());
        await ApiAssert.StatusAsync(await reader.Client.PutAsync($"/api/posts/{postId}/like", null), 204);
        await reader.FeedEventuallyAsync(ids => ids.Contains(postId), "contains the post");

        var item = (await reader.FeedPageAsync()).GetProperty("items").EnumerateArray().Single(p => SocialApi.IdOf(p) == postId);
        var post = await reader.GetJsonAsync($"/api/posts/{postId}");

        // The feed's compiled query spells out the projection every other post read shares: they must agree.
        Assert.Equal(post.GetRawText(), item.GetRawText());
        Assert.Equal(2, item.GetProperty("media").GetArrayLength());
        Assert.True(item.GetProperty("likedByMe").GetBoolean());
    }
}
