using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Feed;
using CleanBackend.Infrastructure.Jobs;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.TestSupport;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleanBackend.Infrastructure.IntegrationTests.Jobs;

/// <summary>
/// How <c>Jobs:*</c> settings shape Hangfire (the embedded setup: SQLite database, SQLite job store in the data folder;
/// the clustered PostgreSQL store where a test says so). Through the host's services, so Hangfire logs to this host.
/// </summary>
public sealed class BackgroundJobsSetupTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cleanbackend-jobs-").FullName;

    [Fact]
    public async Task The_sqlite_default_keeps_jobs_in_the_data_folder_with_every_recurring_job_and_its_configured_cron()
    {
        await using var services = Build(new() { ["Jobs:Recurring:feed-trim"] = "*/5 * * * *" });
        await StartRecurringJobsAsync(services);

        Assert.IsType<SQLiteStorage>(services.GetRequiredService<JobStorage>());
        Assert.True(File.Exists(Path.Combine(_dataFolder, "jobs.db")));
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal("*/5 * * * *", recurring[RecurringJobs.FeedTrim].Cron);
        Assert.Equal(typeof(FeedTrimJob), recurring[RecurringJobs.FeedTrim].Job.Type);
        Assert.Equal("30 * * * *", recurring[RecurringJobs.MediaCleanup].Cron);
        Assert.Equal(typeof(MediaCleanupJob), recurring[RecurringJobs.MediaCleanup].Job.Type);
    }

    [Fact]
    public async Task A_paused_recurring_job_is_registered_as_never_also_by_the_next_start_and_resumed_on_its_configured_cron()
    {
        await using var services = Build(new() { ["Jobs:Recurring:feed-trim"] = "*/5 * * * *" });
        var recurringJobs = services.GetRequiredService<RecurringJobs>();
        await StartRecurringJobsAsync(services);

        Assert.True(recurringJobs.Pause(RecurringJobs.FeedTrim));
        Assert.Equal(Cron.Never(), CronOf(services, RecurringJobs.FeedTrim));
        // A restart registers every schedule again: the pause holds.
        await StartRecurringJobsAsync(services);
        Assert.Equal(Cron.Never(), CronOf(services, RecurringJobs.FeedTrim));
        Assert.Equal("30 * * * *", CronOf(services, RecurringJobs.MediaCleanup));
        RecurringJobSchedule[] schedules =
            [new(RecurringJobs.FeedTrim, "*/5 * * * *", Paused: true), new(RecurringJobs.MediaCleanup, "30 * * * *", Paused: false)];
        Assert.Equal(schedules, recurringJobs.Schedules());

        Assert.True(recurringJobs.Resume(RecurringJobs.FeedTrim));
        Assert.Equal("*/5 * * * *", CronOf(services, RecurringJobs.FeedTrim));
        Assert.DoesNotContain(recurringJobs.Schedules(), s => s.Paused);
        Assert.False(recurringJobs.Pause("no-such-job"));
    }

    [Fact]
    public async Task Resuming_a_job_whose_configured_cron_became_invalid_is_refused_naming_its_setting_and_it_stays_paused()
    {
        await using (var before = Build(new()))
        {
            await StartRecurringJobsAsync(before);
            Assert.True(before.GetRequiredService<RecurringJobs>().Pause(RecurringJobs.FeedTrim));
        }
        await using var services = Build(new() { ["Jobs:Recurring:feed-trim"] = "every hour" });
        await StartRecurringJobsAsync(services);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<RecurringJobs>().Resume(RecurringJobs.FeedTrim));

        Assert.Contains("Jobs:Recurring:feed-trim", error.Message);
        Assert.Equal(Cron.Never(), CronOf(services, RecurringJobs.FeedTrim));
        Assert.Contains(services.GetRequiredService<RecurringJobs>().Schedules(), s => s is { Name: RecurringJobs.FeedTrim, Paused: true });
    }

    [Fact]
    public async Task An_invalid_cron_expression_stops_startup_naming_its_setting()
    {
        await using var services = Build(new() { ["Jobs:Recurring:media-cleanup"] = "every hour" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartRecurringJobsAsync(services));
        Assert.Contains("Jobs:Recurring:media-cleanup", error.Message);
    }

    [Fact]
    public async Task The_same_command_enqueued_twice_while_its_job_is_pending_is_one_job_and_once_it_finished_a_new_one()
    {
        await using var services = Build(new());
        var jobs = services.GetRequiredService<IBackgroundJobs>();
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var command = new FanOutPostCommand(PostId: 11, AuthorId: 22);

        // No server runs here, so the first job stays enqueued: the outbox delivering the event again finds it.
        await jobs.EnqueueAsync(command, default);
        await jobs.EnqueueAsync(command, default);
        await jobs.EnqueueAsync(new FanOutPostCommand(PostId: 12, AuthorId: 22), default);

        var enqueued = monitoring.EnqueuedJobs("default", 0, 10);
        Assert.Equal(2, enqueued.Count);
        var first = enqueued.Single(j => (long)j.Value.Job.Args[0] == 11);
        Assert.Equal(typeof(FeedFanOutJob), first.Value.Job.Type);

        // Once that job has finished, the same command is new work again (a later unfollow and follow, say).
        services.GetRequiredService<IBackgroundJobClient>().ChangeState(first.Key, new SucceededState(null, 0, 0));
        await jobs.EnqueueAsync(command, default);
        var again = monitoring.EnqueuedJobs("default", 0, 10).Where(j => (long)j.Value.Job.Args[0] == 11).ToList();
        Assert.Contains(again, j => j.Key != first.Key && j.Value.InEnqueuedState);
    }

    [Fact]
    public async Task A_pending_job_lock_whose_holder_lost_its_connection_is_taken_over_and_the_job_enqueued()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var services = Build(new()
        {
            ["Node:Roles"] = "api",
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = database.ConnectionString,
        });
        var jobs = services.GetRequiredService<IBackgroundJobs>();
        var storage = services.GetRequiredService<JobStorage>();
        var command = new FanOutPostCommand(PostId: 11, AuthorId: 22);

        // What a node enqueuing this job leaves behind when PostgreSQL stops under it: the lock's row, which no one
        // will release (the store's locks are rows, not sessions). Held, never disposed, like that node's.
        var lost = storage.GetConnection();
        lost.AcquireDistributedLock($"cleanbackend:pending-job:{command}", TimeSpan.FromSeconds(1));

        // The outbox delivering the event again must get the job enqueued, not a lock timeout for the next 10 minutes.
        await jobs.EnqueueAsync(command, default);

        var enqueued = Assert.Single(storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10));
        Assert.Equal(typeof(FeedFanOutJob), enqueued.Value.Job.Type);
        Assert.Equal(11L, (long)enqueued.Value.Job.Args[0]);
        GC.KeepAlive(lost);
    }

    [Fact]
    public void The_postgres_store_on_a_sqlite_database_stops_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Jobs:Store"] = "Postgres" }));
        Assert.Contains("Jobs:Store", error.Message);
    }

    [Fact]
    public void A_node_without_the_jobs_role_on_the_embedded_store_stops_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Node:Roles"] = "api" }));

        Assert.Contains("Node:Roles", error.Message);
        Assert.Contains("would never run", error.Message);
    }

    [Fact]
    public void Only_a_jobs_node_runs_a_Hangfire_server_and_recurring_jobs_but_an_api_only_node_can_still_enqueue()
    {
        var jobsNode = Services(ClusteredNode("api,jobs"));
        var apiNode = Services(ClusteredNode("api"));

        Assert.Contains(jobsNode, IsHangfireServer);
        Assert.Contains(jobsNode, s => s.ImplementationType == typeof(RecurringJobsRegistration));
        Assert.DoesNotContain(apiNode, IsHangfireServer);
        Assert.DoesNotContain(apiNode, s => s.ImplementationType == typeof(RecurringJobsRegistration));
        Assert.Contains(apiNode, s => s.ServiceType == typeof(RecurringJobs));
        Assert.Contains(apiNode, s => s.ServiceType == typeof(IBackgroundJobs));
    }

    [Fact]
    public void A_poll_interval_under_a_second_stops_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Jobs:PollInterval"] = "00:00:00.500" }));

        Assert.Contains("Jobs:PollInterval", error.Message);
    }

    public void Dispose()
    {
        HangfireLogging.Detach();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    private static Dictionary<string, string?> ClusteredNode(string roles) => new()
    {
        ["Node:Roles"] = roles,
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Database"] = "Host=127.0.0.1;Database=unused",
    };

    private static bool IsHangfireServer(ServiceDescriptor service) =>
        service.ServiceType == typeof(IHostedService) && service.ImplementationType?.Name == "BackgroundJobServerHostedService"
        || service.ImplementationFactory?.Method.ReturnType.Name == "BackgroundJobServerHostedService";

    private static async Task StartRecurringJobsAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>().OfType<RecurringJobsRegistration>()) await hosted.StartAsync(default);
    }

    private static string CronOf(IServiceProvider services, string recurringJob)
    {
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([recurringJob]).Single().Cron;
    }

    private ServiceProvider Build(Dictionary<string, string?> settings) => Services(settings).BuildServiceProvider();

    private ServiceCollection Services(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Database:Provider", "Sqlite");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBackgroundJobs(configuration, NodeRoles.From(configuration), DatabaseOptions.From(configuration), _dataFolder);
        return services;
    }
}
