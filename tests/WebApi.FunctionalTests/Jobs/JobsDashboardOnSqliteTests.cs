using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>The embedded setup: Hangfire on its SQLite store (jobs.db in the data folder) behind the same dashboard.</summary>
public sealed class JobsDashboardOnSqliteTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task The_fan_out_and_a_triggered_recurring_job_show_on_the_dashboard_from_the_sqlite_store()
    {
        var admin = await TestUser.AdminAsync(api);
        using var dashboard = new JobsDashboardClient(api, admin.AccessToken);
        var author = await TestUser.CreateAsync(api);
        var postId = await author.PublishIdAsync("fanned out on sqlite");

        await Eventually.UntilAsync(async () => (await dashboard.PageAsync("/jobs/succeeded")).Contains($"Fan out post {postId} by user {author.Id}"),
            "the fan-out is on the succeeded page");
        await ApiAssert.StatusAsync(await dashboard.PostAsync("/recurring/trigger", [new("jobs[]", "feed-trim")]), 204);
        await Eventually.UntilAsync(async () => (await dashboard.PageAsync("/jobs/succeeded")).Contains("FeedTrimJob"),
            "the triggered feed trim succeeded");
        var durations = await dashboard.PageAsync("/durations");
        Assert.Contains("""<tr data-job-type="FeedFanOutJob">""", durations);
        Assert.Contains("""<tr data-job-type="FeedTrimJob">""", durations);
        Assert.True(File.Exists(Path.Combine(api.DataFolder, "jobs.db")));
    }
}
