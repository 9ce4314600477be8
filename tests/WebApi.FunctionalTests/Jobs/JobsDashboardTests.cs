using System.Text.Json;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>The jobs dashboard's JSON against the real scheduler: persistent clustered Quartz store on PostgreSQL.</summary>
public sealed class JobsDashboardTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_overview_names_the_clustered_PostgreSQL_store_and_the_node_checks_in()
    {
        var admin = await TestUser.AdminAsync(api);

        var overview = await admin.JobsAsync("overview");
        var scheduler = overview.GetProperty("scheduler");
        Assert.Equal("postgres", scheduler.Text("store"));
        Assert.True(scheduler.GetProperty("clustered").GetBoolean());
        Assert.Equal("database", scheduler.Text("history"));
        Assert.Equal("node-0", scheduler.Text("instanceId"));

        JsonElement node = default;
        await Eventually.UntilAsync(async () =>
        {
            node = (await admin.JobsAsync("nodes")).EnumerateArray().Single();
            return node.GetProperty("lastCheckIn").ValueKind == JsonValueKind.String;
        }, "the node has checked in");
        Assert.Equal("node-0", node.Text("instanceId"));
        Assert.Equal("alive", node.Text("state"));
        Assert.False(node.GetProperty("stale").GetBoolean());
        Assert.True(node.GetProperty("current").GetBoolean());
        Assert.True(node.GetProperty("checkInIntervalSeconds").GetDouble() > 0);
        Assert.InRange(DateTimeOffset.Parse(node.Text("lastCheckIn")), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task A_posts_fan_out_shows_in_the_history_the_statistics_the_counts_and_the_job_types()
    {
        var admin = await TestUser.AdminAsync(api);
        var author = await TestUser.CreateAsync(api);
        var postId = await author.PublishIdAsync("fan me out");

        var run = await admin.RunEventuallyAsync(r => r.Text("job") == "FeedFanOutJob" && r.Text("trigger").Contains($"PostId = {postId}"),
            "the fan-out run of the post is in the history");
        Assert.Equal("succeeded", run.Result());
        Assert.Equal(1, run.Int("attempt"));
        Assert.False(run.GetProperty("willRetry").GetBoolean());
        Assert.False(run.GetProperty("canRetry").GetBoolean());
        Assert.Equal("node-0", run.Text("node"));
        Assert.True(run.GetProperty("durationMs").GetDouble() > 0);

        var fanOuts = await admin.HistoryAsync("&job=FeedFanOutJob&result=succeeded");
        Assert.Contains(fanOuts, r => r.Text("id") == run.Text("id"));
        Assert.All(fanOuts, r => Assert.Equal("FeedFanOutJob", r.Text("job")));
        Assert.Empty(await admin.HistoryAsync("&job=FeedFanOutJob&result=failed"));

        Assert.Contains("FeedFanOutJob", (await admin.JobsAsync("types")).EnumerateArray().Select(t => t.GetString()));
        Assert.True((await admin.JobsAsync("overview")).Int("succeeded") >= 1);

        var statistics = await admin.JobsAsync("statistics?hours=1&bucketMinutes=5");
        Assert.Equal(5, statistics.Int("bucketMinutes"));
        var fanOut = statistics.GetProperty("jobs").EnumerateArray().Single(j => j.Text("job") == "FeedFanOutJob");
        var buckets = fanOut.GetProperty("buckets").EnumerateArray().ToList();
        Assert.True(buckets.Sum(b => b.Int("succeeded")) >= 1);
        Assert.All(buckets, b => Assert.True(b.GetProperty("p95Ms").GetDouble() >= b.GetProperty("p50Ms").GetDouble()));
        Assert.All(buckets, b => Assert.True(DateTimeOffset.Parse(b.Text("start")) >= DateTimeOffset.Parse(statistics.Text("from"))));
    }

    [Fact]
    public async Task Triggering_a_recurring_job_runs_it_now_and_it_becomes_its_last_run()
    {
        var admin = await TestUser.AdminAsync(api);
        var before = await admin.RecurringJobAsync("media-cleanup");
        Assert.Equal("0 30 * * * ?", before.Text("cron"));
        Assert.Equal("Every hour, at minute 30", before.Text("schedule"));
        Assert.Equal("MediaCleanupJob", before.Text("jobType"));
        Assert.Equal("normal", before.Text("state"));
        Assert.True(DateTimeOffset.Parse(before.Text("nextRun")) > DateTimeOffset.UtcNow);

        await admin.PostAsync("recurring/media-cleanup/trigger", 202);

        var run = await admin.RunEventuallyAsync(r => r.Text("job") == "media-cleanup" && r.GetProperty("manual").GetBoolean(),
            "the triggered run is in the history");
        Assert.Equal("succeeded", run.Result());
        Assert.Equal("manual", run.Text("trigger"));
        var after = await admin.RecurringJobAsync("media-cleanup");
        Assert.Equal("succeeded", after.GetProperty("lastRun").Text("result"));
        Assert.True(after.GetProperty("lastRun").Int("runCount") >= 1);
    }

    [Fact]
    public async Task Pausing_a_recurring_job_stops_its_schedule_until_it_is_resumed()
    {
        var admin = await TestUser.AdminAsync(api);

        await admin.PostAsync("recurring/feed-trim/pause", 204);
        await admin.PostAsync("recurring/feed-trim/pause", 204);
        Assert.Equal("paused", (await admin.RecurringJobAsync("feed-trim")).Text("state"));
        Assert.Equal("normal", (await admin.RecurringJobAsync("media-cleanup")).Text("state"));

        await admin.PostAsync("recurring/feed-trim/resume", 204);
        var resumed = await admin.RecurringJobAsync("feed-trim");
        Assert.Equal("normal", resumed.Text("state"));
        Assert.True(DateTimeOffset.Parse(resumed.Text("nextRun")) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_failing_job_is_counted_retrying_then_failed_and_retry_now_runs_it_again_with_its_input()
    {
        var admin = await TestUser.AdminAsync(api);
        var name = $"failing-{Guid.NewGuid():N}";
        await api.ScheduleProbeAsync<FailingProbeJob>(name);

        var first = await admin.RunEventuallyAsync(r => r.Text("trigger") == name, "the first attempt failed");
        Assert.Equal("failed", first.Result());
        Assert.True(first.GetProperty("willRetry").GetBoolean());
        Assert.Equal(1, first.Int("attempt"));
        Assert.Equal($"probe failure: {name}", first.Text("error"));
        Assert.False(first.GetProperty("canRetry").GetBoolean());
        // The retry policy waits 4 s before the second attempt: the trigger waits as a retry meanwhile.
        await Eventually.UntilAsync(async () => (await admin.JobsAsync("overview")).Int("retrying") >= 1, "the overview counts the waiting retry");

        var last = await admin.RunEventuallyAsync(r => r.Text("trigger") == name && r.Int("attempt") == 2, "the last attempt failed");
        Assert.False(last.GetProperty("willRetry").GetBoolean());
        Assert.True(last.GetProperty("canRetry").GetBoolean());
        Assert.True((await admin.JobsAsync("overview")).Int("failed") >= 1);
        var failures = await admin.HistoryAsync("&result=failed");
        Assert.Contains(failures, r => r.Text("id") == last.Text("id"));
        Assert.DoesNotContain(failures, r => r.Text("id") == first.Text("id"));
        Assert.Contains(await admin.HistoryAsync("&result=retried"), r => r.Text("id") == first.Text("id"));

        await admin.PostAsync($"history/{last.Text("id")}/retry", 202);

        var retried = await admin.RunEventuallyAsync(r => r.Text("job") == "FailingProbeJob" && r.GetProperty("manual").GetBoolean()
            && r.Text("error") == $"probe failure: {name}", "the retry ran with the failed run's input");
        Assert.Equal("failed", retried.Result());
    }

    [Fact]
    public async Task A_running_job_is_listed_as_executing_with_the_progress_it_reports()
    {
        var admin = await TestUser.AdminAsync(api);
        var name = $"progress-{Guid.NewGuid():N}";
        await api.ScheduleProbeAsync<ProgressProbeJob>(name);

        JsonElement running = default;
        // Quartz writes reported progress to the store at most once a second.
        await Eventually.UntilAsync(async () =>
        {
            running = (await admin.JobsAsync("executing")).EnumerateArray().FirstOrDefault(j => j.Text("trigger") == name);
            return running.ValueKind != JsonValueKind.Undefined && running.GetProperty("progress").ValueKind == JsonValueKind.Number;
        }, "the probe is executing with its progress");
        Assert.Equal("ProgressProbeJob", running.Text("job"));
        Assert.Equal(42, running.Int("progress"));
        Assert.Equal("halfway there", running.Text("progressMessage"));
        Assert.Equal("node-0", running.Text("node"));
        Assert.True((await admin.JobsAsync("overview")).Int("executing") >= 1);

        ProgressProbeJob.Release(name);

        await admin.RunEventuallyAsync(r => r.Text("trigger") == name && r.Result() == "succeeded", "the released probe succeeded");
        // History records the run before Quartz deletes its fired-trigger row, so the listing may lag a moment.
        await Eventually.UntilAsync(async () =>
            !(await admin.JobsAsync("executing")).EnumerateArray().Any(j => j.Text("trigger") == name), "the finished probe is no longer executing");
    }

    [Fact]
    public async Task The_history_pages_by_cursor_without_gaps_or_repeats()
    {
        var admin = await TestUser.AdminAsync(api);
        for (var i = 0; i < 5; i++) await admin.PostAsync("recurring/feed-trim/trigger", 202);
        await Eventually.UntilAsync(async () => (await admin.HistoryAsync("&job=feed-trim")).Count >= 5, "five feed-trim runs are recorded");

        var expected = (await admin.HistoryAsync("&job=feed-trim")).Select(r => r.Text("id")).ToList();
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.JobsAsync("history?job=feed-trim&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            paged.AddRange(items.Select(r => r.Text("id")));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(expected, paged);
    }
}
