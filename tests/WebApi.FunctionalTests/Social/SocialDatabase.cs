using System.Net.Http.Headers;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>Test set-up and inspection done straight in the test database, where no endpoint exists for it.</summary>
public static class SocialDatabase
{
    private static long _nextMediaId = 9_000_000_000;

    /// <summary>An upload row, as the media endpoint would have written it (that endpoint is not what these tests are about).</summary>
    public static async Task<long> InsertUploadAsync(this ApiFactory api, TestUser owner, string storageKey = "ab/cd.png")
    {
        var id = Interlocked.Increment(ref _nextMediaId);
        await api.Database!.ExecuteAsync($"""
            INSERT INTO "MediaFiles" ("Id", "OwnerId", "ContentType", "SizeBytes", "Width", "Height", "StorageKey", "CreatedAt", "PostId", "Position")
            VALUES ({id}, {owner.Id}, 'image/png', 100, 640, 480, '{storageKey}', now(), NULL, 0)
            """);
        return id;
    }

    /// <summary>Makes the user an admin and signs them in again, so their token carries the role.</summary>
    public static async Task<TestUser> PromoteToAdminAsync(this ApiFactory api, TestUser user)
    {
        await api.Database!.ExecuteAsync($"""UPDATE "Users" SET "Role" = 'admin' WHERE "Id" = {user.Id}""");
        var client = api.CreateHttpClient();
        var tokens = await TestUser.LogInAsync(client, user.UserName);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return user with { AccessToken = tokens.AccessToken, RefreshToken = tokens.RefreshToken, Client = client };
    }

    /// <summary>How many domain events of this type the outbox holds for the aggregate (e.g. a post).</summary>
    public static Task<long> OutboxCountAsync(this ApiFactory api, string eventType, long aggregateId) =>
        api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = '{eventType}' AND "AggregateId" = {aggregateId}""");

    public static Task<long> FeedRowsAsync(this ApiFactory api, string where) =>
        api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "FeedEntries" WHERE {where}""");
}
