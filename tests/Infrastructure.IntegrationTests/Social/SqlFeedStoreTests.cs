using CleanBackend.Application.Feed;
using CleanBackend.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanBackend.Infrastructure.IntegrationTests.Social;

/// <summary>The set-based feed SQL against real PostgreSQL: idempotent, batched, and safe against a concurrent writer.</summary>
public sealed class SqlFeedStoreTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static long _nextId = 1_000_000;

    private PostgresDatabase Database => api.Database!;

    [Fact]
    public async Task Fan_out_in_batches_reaches_every_follower_and_running_it_again_changes_nothing()
    {
        var (author, followers) = await AuthorWithFollowersAsync(5);
        var post = await InsertPostAsync(author);

        var boundaries = await FanOutAllAsync(post, author, batchSize: 2);
        await FanOutAllAsync(post, author, batchSize: 2);

        Assert.Equal(2, boundaries.Count);
        Assert.Equal(followers.Count, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "PostId" = {post}"""));
    }

    [Fact]
    public async Task A_batch_that_collides_with_a_concurrent_writer_of_the_same_row_still_completes()
    {
        var (author, followers) = await AuthorWithFollowersAsync(3);
        var post = await InsertPostAsync(author);

        await using var rival = new NpgsqlConnection(Database.ConnectionString);
        await rival.OpenAsync();
        await using var rivalTransaction = await rival.BeginTransactionAsync();
        await Execute(rival, $"""INSERT INTO "FeedEntries" ("UserId", "PostId", "AuthorId") VALUES ({followers[1]}, {post}, {author})""");

        // The fan-out does not see the uncommitted row, so it waits on its key until the rival commits.
        var fanOut = FanOutAllAsync(post, author, batchSize: 10);
        await Database.UntilBackendWaitsForLockAsync("%FeedEntries%", "the fan-out blocks on the uncommitted row");
        await rivalTransaction.CommitAsync();
        await fanOut;

        Assert.Equal(followers.Count, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "PostId" = {post}"""));
    }

    [Fact]
    public async Task Backfill_needs_the_follow_and_removal_needs_it_gone()
    {
        var (author, followers) = await AuthorWithFollowersAsync(1);
        var stranger = await InsertUserAsync();
        var posts = new List<long>();
        for (var i = 0; i < 4; i++) posts.Add(await InsertPostAsync(author));

        await UseStoreAsync(store => store.BackfillAsync(followers[0], author, posts: 3, default));
        await UseStoreAsync(store => store.BackfillAsync(stranger, author, posts: 3, default));
        await UseStoreAsync(store => store.RemoveFolloweeAsync(followers[0], author, default));

        Assert.Equal(3, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "UserId" = {followers[0]} AND "PostId" >= {posts[1]}"""));
        Assert.Equal(0, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "UserId" = {stranger}"""));

        await Database.ExecuteAsync($"""DELETE FROM "Follows" WHERE "FollowerId" = {followers[0]}""");
        await UseStoreAsync(store => store.RemoveFolloweeAsync(followers[0], author, default));
        Assert.Equal(0, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "UserId" = {followers[0]}"""));
    }

    [Fact]
    public async Task Removing_a_post_in_small_batches_clears_it_from_every_feed()
    {
        var (author, _) = await AuthorWithFollowersAsync(7);
        var post = await InsertPostAsync(author);
        await FanOutAllAsync(post, author, batchSize: 100);

        await UseStoreAsync(store => store.RemovePostAsync(post, batchSize: 3, default));

        Assert.Equal(0, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "PostId" = {post}"""));
    }

    [Fact]
    public async Task Trimming_keeps_the_newest_entries_of_each_feed_over_the_limit_and_leaves_the_others()
    {
        var (author, followers) = await AuthorWithFollowersAsync(2);
        var quiet = await InsertUserAsync();
        var posts = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            posts.Add(await InsertPostAsync(author));
            await FanOutAllAsync(posts[^1], author, batchSize: 100);
        }
        await Database.ExecuteAsync($"""INSERT INTO "FeedEntries" ("UserId", "PostId", "AuthorId") VALUES ({quiet}, {posts[0]}, {author})""");

        var removed = 0;
        await UseStoreAsync(async store => removed = await store.TrimAsync(keep: 2, default));

        Assert.True(removed >= followers.Count * 3);
        foreach (var follower in followers)
            Assert.Equal(2, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "UserId" = {follower} AND "PostId" >= {posts[3]}"""));
        Assert.Equal(2, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "UserId" = {followers[0]}"""));
        Assert.Equal(1, await CountAsync($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "UserId" = {quiet}"""));
    }

    private async Task<List<long>> FanOutAllAsync(long post, long author, int batchSize)
    {
        var boundaries = new List<long>();
        await UseStoreAsync(async store =>
        {
            var after = 0L;
            while (await store.FanOutBatchAsync(post, author, after, batchSize, default) is { } last) boundaries.Add(after = last);
        });
        return boundaries;
    }

    private async Task UseStoreAsync(Func<IFeedStore, Task> use)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<IFeedStore>());
    }

    private async Task<(long Author, List<long> Followers)> AuthorWithFollowersAsync(int count)
    {
        var author = await InsertUserAsync();
        var followers = new List<long>();
        for (var i = 0; i < count; i++)
        {
            followers.Add(await InsertUserAsync());
            await Database.ExecuteAsync($"""
                INSERT INTO "Follows" ("Id", "FollowerId", "FolloweeId", "CreatedAt") VALUES ({NextId()}, {followers[^1]}, {author}, now())
                """);
        }
        return (author, followers);
    }

    private async Task<long> InsertUserAsync()
    {
        var id = NextId();
        await Database.ExecuteAsync($"""
            INSERT INTO "Users" ("Id", "UserName", "Email", "NormalizedEmail", "PasswordHash", "DisplayName", "Role", "CreatedAt")
            VALUES ({id}, 'store{id}', 'store{id}@example.test', 'STORE{id}@EXAMPLE.TEST', '', 'Store {id}', 'user', now())
            """);
        return id;
    }

    private async Task<long> InsertPostAsync(long author)
    {
        var id = NextId();
        await Database.ExecuteAsync($"""
            INSERT INTO "Posts" ("Id", "AuthorId", "Text", "CreatedAt", "LikeCount", "CommentCount", "DeliveredAtRead")
            VALUES ({id}, {author}, 'post {id}', now(), 0, 0, false)
            """);
        return id;
    }

    private Task<long> CountAsync(string sql) => Database.ScalarAsync<long>(sql);

    private static long NextId() => Interlocked.Increment(ref _nextId);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
