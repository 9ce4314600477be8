using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Infrastructure.Jobs;
using CleanBackend.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Extensibility;

namespace CleanBackend.Infrastructure.IntegrationTests.Jobs;

/// <summary>How <c>Jobs:*</c> settings shape the scheduler (the embedded setup: SQLite database, in-memory store).</summary>
public sealed class BackgroundJobsSetupTests
{
    [Fact]
    public async Task The_sqlite_default_uses_the_in_memory_store_with_every_recurring_job_and_its_configured_cron()
    {
        await using var services = Build(new() { ["Jobs:Recurring:feed-trim"] = "0 */5 * * * ?" });
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Equal(BackgroundJobsSetup.SchedulerName, scheduler.SchedulerName);
        Assert.False((await scheduler.GetMetadata()).JobStorePersistent);
        Assert.Equal("0 */5 * * * ?", await CronOfAsync(scheduler, "feed-trim"));
        Assert.Equal("0 30 * * * ?", await CronOfAsync(scheduler, "media-cleanup"));
        Assert.Equal(typeof(FeedTrimJob), (await scheduler.GetJobDetail(new JobKey("feed-trim", RecurringJobs.Group)))!.JobType.Type);
    }

    [Fact]
    public async Task The_in_memory_setup_keeps_an_execution_history_with_inputs_failures_a_week_and_a_configurable_cap()
    {
        await using var defaults = Build(new());
        await using var configured = Build(new() { ["Jobs:HistoryMaxRuns"] = "123" });

        var history = defaults.GetRequiredService<IOptions<ExecutionHistoryOptions>>().Value;
        Assert.True(history.RecordInput);
        Assert.Equal(TimeSpan.FromDays(7), history.RetentionByResult[JobRunResult.Failed]);
        Assert.Equal(5_000, history.MaxEntriesPerScheduler);
        Assert.Equal(123, configured.GetRequiredService<IOptions<ExecutionHistoryOptions>>().Value.MaxEntriesPerScheduler);
        Assert.NotNull(defaults.GetRequiredService<IExecutionHistoryStore>());
    }

    [Fact]
    public void An_invalid_cron_expression_stops_startup_naming_its_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Jobs:Recurring:media-cleanup"] = "every hour" }));
        Assert.Contains("Jobs:Recurring:media-cleanup", error.Message);
    }

    [Fact]
    public void The_postgres_store_on_a_sqlite_database_stops_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Jobs:Store"] = "Postgres" }));
        Assert.Contains("Jobs:Store", error.Message);
    }

    [Fact]
    public void A_node_without_the_jobs_role_on_the_in_memory_store_stops_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Node:Roles"] = "api" }));

        Assert.Contains("Node:Roles", error.Message);
        Assert.Contains("would never run", error.Message);
    }

    [Fact]
    public void An_api_only_node_registers_no_scheduler_to_run_but_can_still_enqueue()
    {
        Dictionary<string, string?> ClusteredNode(string roles) => new()
        {
            ["Node:Roles"] = roles,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Database=unused",
        };

        var jobsNode = Services(ClusteredNode("api,jobs"));
        var apiNode = Services(ClusteredNode("api"));

        Assert.Contains(jobsNode, s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Name == "QuartzHostedService");
        Assert.DoesNotContain(apiNode, s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Name == "QuartzHostedService");
        Assert.Contains(apiNode, s => s.ServiceType == typeof(IBackgroundJobs));
    }

    [Fact]
    public void A_poll_interval_under_a_second_stops_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Jobs:PollInterval"] = "00:00:00.500" }));

        Assert.Contains("Jobs:PollInterval", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Services(settings).BuildServiceProvider();

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Database:Provider", "Sqlite");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBackgroundJobs(configuration, NodeRoles.From(configuration), DatabaseOptions.From(configuration));
        return services;
    }

    private static async Task<string?> CronOfAsync(IScheduler scheduler, string name) =>
        (await scheduler.GetTrigger(new TriggerKey(name, RecurringJobs.Group)) as ICronTrigger)?.CronExpressionString;
}
