using System.Net.Http.Json;
using CleanBackend.Application.Feed;
using CleanBackend.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>The embedded default (SQLite, Hangfire on its SQLite store) with a low fan-out limit and small feeds, so every SQL path runs on SQLite.</summary>
public sealed class SqliteSocialApiFactory : ApiFactory
{
    public SqliteSocialApiFactory()
    {
        Settings["Feed:FanOutLimit"] = "2";
        Settings["Feed:MaxEntriesPerFeed"] = "3";
    }

    protected override bool UseSqlite => true;
}

public sealed class SqliteSocialTests(SqliteSocialApiFactory api) : IClassFixture<SqliteSocialApiFactory>
{
    [Fact]
    public async Task Posts_follows_likes_comments_and_both_kinds_of_feed_delivery_work_on_sqlite()
    {
        var author = await TestUser.CreateAsync(api);
        var celebrity = await TestUser.CreateAsync(api);
        var reader = await TestUser.CreateAsync(api);
        foreach (var fan in new[] { reader, await TestUser.CreateAsync(api), await TestUser.CreateAsync(api) }) await fan.FollowAsync(celebrity);
        var early = await author.PublishIdAsync("before the follow");
        await reader.FollowAsync(author);
        await reader.FeedEventuallyAsync(ids => ids.Contains(early), "holds the backfilled post");

        var fannedOut = await author.PublishIdAsync("fanned out");
        var merged = await celebrity.PublishIdAsync("merged at read time");
        await reader.FeedEventuallyAsync(ids => ids.SequenceEqual([merged, fannedOut, early]), "holds all three posts, newest first");

        await ApiAssert.StatusAsync(await reader.Client.PutAsync($"/api/posts/{fannedOut}/like", null), 204);
        await ApiAssert.StatusAsync(await reader.Client.PutAsync($"/api/posts/{fannedOut}/like", null), 204);
        await ApiAssert.StatusAsync(await reader.Client.PostAsJsonAsync($"/api/posts/{fannedOut}/comments", new { text = "nice" }), 201);
        var post = await reader.GetJsonAsync($"/api/posts/{fannedOut}");
        Assert.Equal(1, post.GetProperty("likeCount").GetInt32());
        Assert.Equal(1, post.GetProperty("commentCount").GetInt32());
        Assert.True(post.GetProperty("likedByMe").GetBoolean());

        await ApiAssert.StatusAsync(await author.Client.DeleteAsync($"/api/posts/{fannedOut}"), 204);
        await reader.UnfollowAsync(author);
        await reader.FeedEventuallyAsync(ids => ids.SequenceEqual([merged]), "holds only the celebrity's post");
    }

    [Fact]
    public async Task Trimming_keeps_the_newest_entries_on_sqlite()
    {
        var author = await TestUser.CreateAsync(api);
        var posts = new List<long>();
        for (var i = 0; i < 5; i++) posts.Add(await author.PublishIdAsync($"post {i}"));
        await author.FeedEventuallyAsync(ids => ids.Count == posts.Count, "holds all five posts");

        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TrimFeedsCommand());

        Assert.Equal(posts.TakeLast(3).Reverse(), await author.FeedIdsAsync());
    }
}
