using CleanBackend.Infrastructure.Jobs;
using CleanBackend.TestSupport;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>
/// Pausing and resuming a recurring job from the dashboard, over real HTTP, on nodes whose recurring jobs all run every
/// second: while feed-trim is paused, media-cleanup keeps being started on the same schedule, which shows the scheduler
/// had every chance to start feed-trim too. The node is then restarted on the same store.
/// </summary>
public abstract class RecurringJobPauseTests : IAsyncLifetime
{
    private const string EverySecond = "* * * * * *";

    /// <summary>The job store (and application database) the test owns, outliving the nodes started on it.</summary>
    protected abstract Task<(PostgresDatabase? Database, string DataFolder)> CreateStoreAsync();

    private PostgresDatabase? _database;
    private string _dataFolder = "";
    private EverySecondNode? _node;

    [Fact]
    public async Task A_paused_job_stops_running_on_schedule_across_a_restart_trigger_now_still_runs_it_and_resume_restores_it()
    {
        var node = await StartNodeAsync();
        using var dashboard = await SignInAsync(node);
        await UntilScheduledRunAsync(node, RecurringJobs.FeedTrim, after: null);

        await ApiAssert.StatusAsync(await dashboard.PostAsync("/schedules/pause/feed-trim", []), 204);

        Assert.Contains("""<tr data-recurring-job="feed-trim" data-state="paused">""", await dashboard.PageAsync("/schedules"));
        // The pause waits for a run being started to be recorded, so from here on feed-trim's last run stays the same.
        var lastRun = LastRun(node, RecurringJobs.FeedTrim);
        await WhileOtherJobsRunOnScheduleAsync(node);
        Assert.Equal(lastRun, LastRun(node, RecurringJobs.FeedTrim));
        Assert.Equal(Cron.Never(), Recurring(node, RecurringJobs.FeedTrim).Cron);

        // Hangfire's Trigger now runs the paused job once, and leaves it paused.
        await ApiAssert.StatusAsync(await dashboard.PostAsync("/recurring/trigger", [new("jobs[]", RecurringJobs.FeedTrim)]), 204);
        var triggered = LastRun(node, RecurringJobs.FeedTrim);
        Assert.NotEqual(lastRun, triggered);
        await Eventually.UntilAsync(() => Task.FromResult(StateOf(node, triggered!) == SucceededState.StateName), "the triggered feed trim succeeded");
        await WhileOtherJobsRunOnScheduleAsync(node);
        Assert.Equal(triggered, LastRun(node, RecurringJobs.FeedTrim));

        node = await StartNodeAsync();
        using var restarted = await SignInAsync(node);

        Assert.Contains("""<tr data-recurring-job="feed-trim" data-state="paused">""", await restarted.PageAsync("/schedules"));
        await WhileOtherJobsRunOnScheduleAsync(node);
        Assert.Equal(triggered, LastRun(node, RecurringJobs.FeedTrim));

        await ApiAssert.StatusAsync(await restarted.PostAsync("/schedules/resume/feed-trim", []), 204);

        Assert.Contains("""<tr data-recurring-job="feed-trim" data-state="scheduled">""", await restarted.PageAsync("/schedules"));
        Assert.Equal(EverySecond, Recurring(node, RecurringJobs.FeedTrim).Cron);
        await UntilScheduledRunAsync(node, RecurringJobs.FeedTrim, after: triggered);
    }

    public async Task InitializeAsync() => (_database, _dataFolder) = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        await StopNodeAsync();
        if (_database is not null) await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Starts a node on the test's store, stopping the one running first: the second start is a restart.</summary>
    private async Task<EverySecondNode> StartNodeAsync()
    {
        await StopNodeAsync();
        _node = new EverySecondNode(_database, _dataFolder);
        await _node.InitializeAsync();
        return _node;
    }

    private async Task StopNodeAsync()
    {
        if (_node is not null) await ((IAsyncLifetime)_node).DisposeAsync();
        _node = null;
    }

    private static async Task<JobsDashboardClient> SignInAsync(ApiFactory node) =>
        new(node, (await TestUser.AdminAsync(node)).AccessToken);

    /// <summary>Until <paramref name="name"/> has been started on schedule after run <paramref name="after"/>, and that run succeeded.</summary>
    private static async Task UntilScheduledRunAsync(ApiFactory node, string name, string? after)
    {
        string? run = null;
        await Eventually.UntilAsync(() => Task.FromResult((run = LastRun(node, name)) is not null && run != after), $"{name} ran on schedule");
        await Eventually.UntilAsync(() => Task.FromResult(StateOf(node, run!) == SucceededState.StateName), $"{name}'s scheduled run succeeded");
    }

    /// <summary>Until media-cleanup, due every second like feed-trim, has been started three more times.</summary>
    private static Task WhileOtherJobsRunOnScheduleAsync(ApiFactory node)
    {
        var runs = new HashSet<string?> { LastRun(node, RecurringJobs.MediaCleanup) };
        return Eventually.UntilAsync(() => Task.FromResult(runs.Add(LastRun(node, RecurringJobs.MediaCleanup)) && runs.Count > 3),
            "media-cleanup was started on schedule three more times");
    }

    private static string? LastRun(ApiFactory node, string name) => Recurring(node, name).LastJobId;

    private static RecurringJobDto Recurring(ApiFactory node, string name)
    {
        using var connection = node.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([name]).Single();
    }

    private static string? StateOf(ApiFactory node, string jobId)
    {
        using var connection = node.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>A node whose recurring jobs all run every second, on the test's store: a second one on it is the first restarted.</summary>
    private sealed class EverySecondNode(PostgresDatabase? database, string dataFolder) : ApiFactory
    {
        protected override bool UseSqlite => database is null;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:Recurring:feed-trim", EverySecond);
            builder.UseSetting("Jobs:Recurring:media-cleanup", EverySecond);
            builder.UseSetting("Storage:DataFolder", dataFolder);
            if (database is not null) builder.UseSetting("ConnectionStrings:Database", database.ConnectionString);
        }
    }
}

public sealed class RecurringJobPauseOnPostgresTests : RecurringJobPauseTests
{
    protected override async Task<(PostgresDatabase? Database, string DataFolder)> CreateStoreAsync() =>
        (await PostgresDatabase.CreateAsync(), Directory.CreateTempSubdirectory("cleanbackend-pause-").FullName);
}

public sealed class RecurringJobPauseOnSqliteTests : RecurringJobPauseTests
{
    protected override Task<(PostgresDatabase? Database, string DataFolder)> CreateStoreAsync() =>
        Task.FromResult<(PostgresDatabase?, string)>((null, Directory.CreateTempSubdirectory("cleanbackend-pause-").FullName));
}
