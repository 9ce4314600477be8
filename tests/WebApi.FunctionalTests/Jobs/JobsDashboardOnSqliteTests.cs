using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>The embedded setup: Quartz's in-memory store and its bounded in-memory execution history.</summary>
public sealed class JobsDashboardOnSqliteTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task The_dashboard_answers_from_the_in_memory_store_and_history()
    {
        var admin = await TestUser.AdminAsync(api);

        var scheduler = (await admin.JobsAsync("overview")).GetProperty("scheduler");
        Assert.Equal("memory", scheduler.Text("store"));
        Assert.Equal("memory", scheduler.Text("history"));
        Assert.False(scheduler.GetProperty("clustered").GetBoolean());

        var node = Assert.Single((await admin.JobsAsync("nodes")).EnumerateArray());
        Assert.True(node.GetProperty("current").GetBoolean());
        Assert.Equal("alive", node.Text("state"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, node.GetProperty("lastCheckIn").ValueKind);

        var author = await TestUser.CreateAsync(api);
        var postId = await author.PublishIdAsync("fanned out in memory");
        await admin.RunEventuallyAsync(r => r.Text("job") == "FeedFanOutJob" && r.Text("trigger").Contains($"PostId = {postId}"),
            "the fan-out is in the in-memory history");

        await admin.PostAsync("recurring/feed-trim/trigger", 202);
        await admin.RunEventuallyAsync(r => r.Text("job") == "feed-trim" && r.Result() == "succeeded", "the triggered run is in the in-memory history");
        Assert.Equal("succeeded", (await admin.RecurringJobAsync("feed-trim")).GetProperty("lastRun").Text("result"));
        Assert.Contains((await admin.JobsAsync("statistics")).GetProperty("jobs").EnumerateArray(), j => j.Text("job") == "feed-trim");
    }
}
