using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>Inspection done straight in the test database, where no endpoint shows it.</summary>
public static class SocialDatabase
{
    /// <summary>How many domain events of this type the outbox holds for the aggregate (e.g. a post).</summary>
    public static Task<long> OutboxCountAsync(this ApiFactory api, string eventType, long aggregateId) =>
        api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = '{eventType}' AND "AggregateId" = {aggregateId}""");

    /// <summary>
    /// Waits until every enqueued one-off job (fan-out, backfill, removal) has run: no Hangfire job is waiting, scheduled
    /// for a retry or running.
    /// </summary>
    public static Task NoJobsPendingAsync(this ApiFactory api) => Eventually.UntilAsync(
        async () => await api.Database!.ScalarAsync<long>(
            "SELECT COUNT(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Scheduled', 'Awaiting', 'Processing')") == 0,
        "every enqueued background job has run");

    public static Task<long> FeedRowsAsync(this ApiFactory api, string where) =>
        api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "FeedEntries" WHERE {where}""");
}
