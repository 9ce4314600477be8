using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>Feeds keep three entries, trimmed every second by the recurring feed-trim job.</summary>
public sealed class TrimmingApiFactory : ApiFactory
{
    public const int Kept = 3;

    public TrimmingApiFactory()
    {
        Settings["Feed:MaxEntriesPerFeed"] = Kept.ToString();
        Settings["Jobs:Recurring:feed-trim"] = "* * * * * ?";
    }
}

public sealed class FeedTrimTests(TrimmingApiFactory api) : IClassFixture<TrimmingApiFactory>
{
    [Fact]
    public async Task The_recurring_trim_job_keeps_only_the_newest_entries_of_each_feed()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        await follower.FollowAsync(author);
        var posts = new List<long>();
        for (var i = 0; i < 6; i++) posts.Add(await author.PublishIdAsync($"post {i}"));
        var newest = posts.TakeLast(TrimmingApiFactory.Kept).Reverse().ToList();

        await follower.FeedEventuallyAsync(ids => ids.SequenceEqual(newest), "holds only the newest three posts");
        await author.FeedEventuallyAsync(ids => ids.SequenceEqual(newest), "holds only the newest three posts");
        Assert.Equal(TrimmingApiFactory.Kept, await api.FeedRowsAsync($""" "UserId" = {follower.Id} """));
    }
}
