using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Jobs;
using CleanBackend.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanBackend.Infrastructure.Jobs;

public static class BackgroundJobsSetup
{
    public const string SchedulerName = "CleanBackend";

    /// <summary>
    /// Failed firings are retried with exponential backoff: 4 retries, so 5 attempts in all,
    /// 2 s, 4 s, 8 s and 16 s after each failure (capped at one minute).
    /// </summary>
    public static readonly RetryPolicy DefaultRetryPolicy = RetryPolicy.Exponential(4, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1));

    public static readonly TimeSpan FailedRunRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// Quartz (the role Hangfire plays elsewhere) behind <see cref="IBackgroundJobs"/>, configured from <c>Jobs</c>.
    /// The scheduler runs jobs only on a node with the <c>jobs</c> role; any node can enqueue.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration, NodeRoles roles,
        DatabaseOptions database)
    {
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var node = configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        var store = jobs.Store ?? (database.Provider == DatabaseProvider.Postgres ? JobStore.Postgres : JobStore.Memory);
        if (!roles.Jobs && store == JobStore.Memory)
            throw new InvalidOperationException(
                $"Node:Roles is \"{roles}\" (no jobs role) but Jobs:Store is Memory: jobs enqueued here would never run. " +
                "Use the clustered PostgreSQL store (Database:Provider Postgres) or add the jobs role.");

        if (jobs.PollInterval < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException($"Jobs:PollInterval must be at least 1 second; it is {jobs.PollInterval}.");

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.IdleWaitTime = jobs.PollInterval;
                // Node:Id is unique per running node already (snowflake ids depend on it): the cluster's node name.
                if (store == JobStore.Postgres) scheduler.InstanceId = $"node-{node.Id}";
            });
            if (store == JobStore.Postgres)
            {
                var connectionString = database.Provider == DatabaseProvider.Postgres ? configuration.GetConnectionString("Database") : null;
                if (connectionString is null)
                    throw new InvalidOperationException("Jobs:Store is Postgres, which needs Database:Provider Postgres and ConnectionStrings:Database.");
                quartz.UsePersistentStore(persistent =>
                {
                    persistent.UsePostgres(connectionString);
                    persistent.UseSystemTextJsonSerializer();
                    persistent.UseClustering(_ => { });
                    persistent.ProvisionSchema();
                    persistent.UseExecutionHistory();
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }

            quartz.UseDefaultRetryPolicy(DefaultRetryPolicy);
            quartz.AddRecurringJobs(jobs.Recurring);
        });
        // The execution history the jobs dashboard reads: in the database with the persistent store (UseExecutionHistory
        // above), else Quartz's bounded in-memory history of this process. Inputs are recorded so that a failed run can
        // be retried as it was (they are commands made of ids: nothing secret); failures are kept a week, the rest a day,
        // within a cap on rows sized for a day of fan-outs in the database and for a developer's process in memory.
        services.AddQuartzExecutionHistory(history =>
        {
            history.RecordInput = true;
            history.RetentionByResult[JobRunResult.Failed] = FailedRunRetention;
            history.MaxEntriesPerScheduler = jobs.HistoryMaxRuns ?? (store == JobStore.Postgres ? 100_000 : 5_000);
        });
        // Without the hosted service the scheduler is never started: this node writes jobs to the clustered store
        // (enqueue) but neither acquires triggers nor checks in as a cluster member.
        if (roles.Jobs) services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<IBackgroundJobs, QuartzBackgroundJobs>();
        services.AddSingleton<IJobsDashboard, QuartzJobsDashboard>();
        return services;
    }
}
