using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>The embedded setup: Hangfire on its SQLite store (jobs.db in the data folder) behind the same dashboard.</summary>
public sealed class JobsDashboardOnSqliteTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task The_fan_out_with_its_progress_and_a_triggered_recurring_job_show_on_the_dashboard_from_the_sqlite_store()
    {
        var admin = await TestUser.AdminAsync(api);
        using var dashboard = new JobsDashboardClient(api, admin.AccessToken);
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        await follower.FollowAsync(author);
        var postId = await author.PublishIdAsync("fanned out on sqlite");
        var name = $"Fan out post {postId} by user {author.Id}";

        string succeeded = "";
        await Eventually.UntilAsync(async () => (succeeded = await dashboard.PageAsync("/jobs/succeeded")).Contains(name),
            "the fan-out is on the succeeded page");
        Assert.Contains("1 of 1 followers (100%)", await dashboard.PageAsync($"/jobs/details/{JobsDashboardClient.JobIdNear(succeeded, name)}"));
        await ApiAssert.StatusAsync(await dashboard.PostAsync("/recurring/trigger", [new("jobs[]", "feed-trim")]), 204);
        await Eventually.UntilAsync(async () => (await dashboard.PageAsync("/jobs/succeeded")).Contains("FeedTrimJob"),
            "the triggered feed trim succeeded");
        var durations = await dashboard.PageAsync("/durations");
        Assert.Contains("""<tr data-job-type="FeedFanOutJob">""", durations);
        Assert.Contains("""<tr data-job-type="FeedTrimJob">""", durations);
        Assert.True(File.Exists(Path.Combine(api.DataFolder, "jobs.db")));
    }
}
