using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>Authors with more than two followers count as celebrities here.</summary>
public sealed class CelebrityApiFactory : ApiFactory
{
    public const int FanOutLimit = 2;

    public CelebrityApiFactory() => Settings["Feed:FanOutLimit"] = FanOutLimit.ToString();
}

public sealed class CelebrityFeedTests(CelebrityApiFactory api) : IClassFixture<CelebrityApiFactory>
{
    [Fact]
    public async Task A_celebritys_posts_get_no_feed_rows_but_are_merged_into_followers_feeds_in_order()
    {
        var celebrity = await TestUser.CreateAsync(api);
        var friend = await TestUser.CreateAsync(api);
        var reader = await TestUser.CreateAsync(api);
        foreach (var fan in new[] { reader, await TestUser.CreateAsync(api), await TestUser.CreateAsync(api) }) await fan.FollowAsync(celebrity);
        await reader.FollowAsync(friend);
        // The follows' backfills copy whatever the celebrity has posted by the time they run: let them finish first.
        await api.NoJobsPendingAsync();

        var celebrityPosts = new List<long>();
        var friendPosts = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            celebrityPosts.Add(await celebrity.PublishIdAsync($"celebrity {i}"));
            friendPosts.Add(await friend.PublishIdAsync($"friend {i}"));
        }
        var all = celebrityPosts.Concat(friendPosts).OrderByDescending(id => id).ToList();

        await reader.FeedEventuallyAsync(ids => ids.SequenceEqual(all), "holds both authors' posts, newest first");
        await celebrity.FeedEventuallyAsync(ids => ids.SequenceEqual(Enumerable.Reverse(celebrityPosts)), "holds the celebrity's own posts");
        Assert.Equal(0L, await api.FeedRowsAsync($""" "AuthorId" = {celebrity.Id} AND "UserId" <> {celebrity.Id} """));
        Assert.Equal(celebrityPosts.Count, await api.Database!.ScalarAsync<long>(
            $"""SELECT COUNT(*) FROM "Posts" WHERE "AuthorId" = {celebrity.Id} AND "DeliveredAtRead" """));

        var pagedInTwos = await reader.AllIdsAsync("/api/feed", pageSize: 3);
        Assert.Equal(all, pagedInTwos);
    }

    [Fact]
    public async Task Paging_a_merged_feed_while_both_kinds_of_authors_post_skips_nothing_and_repeats_nothing()
    {
        var celebrity = await TestUser.CreateAsync(api);
        var friend = await TestUser.CreateAsync(api);
        var reader = await TestUser.CreateAsync(api);
        foreach (var fan in new[] { reader, await TestUser.CreateAsync(api), await TestUser.CreateAsync(api) }) await fan.FollowAsync(celebrity);
        await reader.FollowAsync(friend);
        var before = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            before.Add(await celebrity.PublishIdAsync($"celebrity {i}"));
            before.Add(await friend.PublishIdAsync($"friend {i}"));
        }
        await reader.FeedEventuallyAsync(ids => before.All(ids.Contains), "holds every post");

        var seen = new List<long>();
        string? cursor = null;
        var round = 0;
        do
        {
            var page = await reader.FeedPageAsync(cursor, limit: 3);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(SocialApi.IdOf));
            cursor = page.GetProperty("nextCursor").GetString();
            var newcomer = round++ % 2 == 0 ? celebrity : friend;
            var arrived = await newcomer.PublishIdAsync($"during paging {round}");
            await reader.FeedEventuallyAsync(ids => ids.Contains(arrived), "holds the post that arrived");
        }
        while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(before.OrderByDescending(id => id), seen.Where(before.Contains));
    }

    [Fact]
    public async Task Unfollowing_a_celebrity_drops_their_merged_posts_from_the_feed()
    {
        var celebrity = await TestUser.CreateAsync(api);
        var reader = await TestUser.CreateAsync(api);
        foreach (var fan in new[] { reader, await TestUser.CreateAsync(api), await TestUser.CreateAsync(api) }) await fan.FollowAsync(celebrity);
        // A follow's backfill job that runs after the post would copy it into the feed as a stored entry,
        // which only the unfollow's job removes: let the backfills finish first, so the post is merged at read time.
        await api.NoJobsPendingAsync();
        var id = await celebrity.PublishIdAsync("for my many fans");
        await reader.FeedEventuallyAsync(ids => ids.Contains(id), "holds the celebrity's post");

        await reader.UnfollowAsync(celebrity);

        Assert.DoesNotContain(id, await reader.FeedIdsAsync());
    }
}
