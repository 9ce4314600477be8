using CleanBackend.TestSupport;
using CleanBackend.TestSupport.Load;

namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>Counts, in SQL, of what a fault could lose after it was committed: each must end at 0.</summary>
public static class CommittedButLost
{
    /// <summary>
    /// Once the cluster has settled: every outbox event dispatched, every post in the feeds it belongs in exactly once
    /// (the fan-out jobs ran, none twice), and every notification the load caused listed to its recipient over REST.
    /// </summary>
    public static async Task AssertNothingLostAsync(PostgresDatabase database, SocialLoad load)
    {
        await Eventually.UntilAsync(async () => await database.ScalarAsync<long>(UndispatchedOutbox) == 0,
            "every outbox event is dispatched", TimeSpan.FromSeconds(60), async () => await database.ScalarAsync<string>(UndispatchedOutboxRows));
        await Eventually.UntilAsync(async () => await database.ScalarAsync<long>(MissingFeedEntries) == 0,
            "every post is in the feed of every follower its author had when it was published (fan-out jobs complete)", TimeSpan.FromSeconds(90));
        Assert.Equal(0, await database.ScalarAsync<long>(DuplicateFeedEntries));
        Assert.Empty(await load.MissingNotificationsAsync());
    }

    private const string UndispatchedOutbox = """SELECT COUNT(*) FROM "OutboxMessages" WHERE "DispatchedAt" IS NULL""";

    /// <summary>What holds the outbox up, for the failure message: the first undispatched rows with their last error.</summary>
    private const string UndispatchedOutboxRows = """
        SELECT string_agg(format('%s %s attempts=%s: %s', "Id", "Type", "Attempts", left("LastError", 300)), E'\n' ORDER BY "Id")
        FROM (SELECT * FROM "OutboxMessages" WHERE "DispatchedAt" IS NULL ORDER BY "Id" LIMIT 20) stuck
        """;

    /// <summary>Posts missing from the feed of a follower their author had when they were published (a fan-out job lost).</summary>
    private const string MissingFeedEntries = """
        SELECT COUNT(*) FROM "Posts" p JOIN "Follows" f ON f."FolloweeId" = p."AuthorId" AND f."CreatedAt" < p."CreatedAt"
        WHERE NOT EXISTS (SELECT 1 FROM "FeedEntries" e WHERE e."UserId" = f."FollowerId" AND e."PostId" = p."Id")
        """;

    /// <summary>A post twice in one feed (a job run twice without its idempotence).</summary>
    private const string DuplicateFeedEntries = """
        SELECT COUNT(*) FROM (SELECT 1 FROM "FeedEntries" GROUP BY "UserId", "PostId" HAVING COUNT(*) > 1) d
        """;
}
