using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Infrastructure.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.Jobs;

public static class BackgroundJobsSetup
{
    /// <summary>
    /// With the sliding timeout the node running a job keeps extending its claim on it while the job runs; a node that
    /// dies stops extending it, and another node takes the job once this much time passed (measured: about 10.5 s after
    /// kill -9). Hangfire's default (30 minutes, not sliding) would both leave a dead node's job waiting half an hour and
    /// hand a healthy job that runs longer than that to a second worker.
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Hangfire behind <see cref="IBackgroundJobs"/>, configured from <c>Jobs</c>. Every node can enqueue; only a node
    /// with the <c>jobs</c> role runs a Hangfire server (workers, retries, recurring jobs) named <c>node-{Node:Id}</c>.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration, NodeRoles roles,
        DatabaseOptions database, string dataFolder)
    {
        var section = configuration.GetSection(JobsOptions.Section);
        var jobs = section.Get<JobsOptions>() ?? new JobsOptions();
        var node = configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        var store = jobs.Store ?? (database.Provider == DatabaseProvider.Postgres ? JobStore.Postgres : JobStore.Sqlite);
        if (!roles.Jobs && store == JobStore.Sqlite)
            throw new InvalidOperationException(
                $"Node:Roles is \"{roles}\" (no jobs role) but Jobs:Store is Sqlite, which serves one process: jobs enqueued here would never run. " +
                "Use the clustered PostgreSQL store (Database:Provider Postgres) or add the jobs role.");
        if (jobs.PollInterval < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException($"Jobs:PollInterval must be at least 1 second; it is {jobs.PollInterval}.");
        var postgres = store == JobStore.Postgres
            ? (database.Provider == DatabaseProvider.Postgres ? configuration.GetConnectionString("Database") : null)
              ?? throw new InvalidOperationException("Jobs:Store is Postgres, which needs Database:Provider Postgres and ConnectionStrings:Database.")
            : null;

        services.Configure<JobsOptions>(section);
        // The store is this host's own service, not Hangfire's process-wide JobStorage.Current, which the configuration
        // methods (UsePostgreSqlStorage...) would set: hosts sharing a process (the tests' servers) would share one store.
        services.AddSingleton<JobStorage>(_ => postgres is not null ? PostgresJobStore.Create(postgres, jobs.PollInterval, InvisibilityTimeout) : SqliteStore(dataFolder, jobs));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (roles.Jobs)
        {
            services.AddHangfireServer((provider, server) =>
            {
                server.ServerName = $"node-{node.Id}";
                // Jobs run in this host's container. Hangfire's default is the process-wide JobActivator.Current, set by
                // whichever host configured Hangfire last: hosts sharing a process (the tests' servers) ran each other's
                // jobs, and failed once that host's container was disposed.
                server.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
                // Retries and recurring jobs come due on this clock: a 2 s retry should not wait 15 s.
                server.SchedulePollingInterval = jobs.PollInterval;
                // A dead node leaves the dashboard's Servers page within a minute (Hangfire's default: 5).
                server.HeartbeatInterval = TimeSpan.FromSeconds(10);
                server.ServerTimeout = TimeSpan.FromMinutes(1);
                server.ServerCheckInterval = TimeSpan.FromSeconds(30);
            });
            services.AddHostedService<RecurringJobs>();
        }
        services.AddSingleton<IBackgroundJobs, HangfireBackgroundJobs>();
        return services;
    }

    /// <remarks>
    /// One process, so no node can die while another waits: Hangfire's default invisibility (30 minutes) only matters
    /// after a crash, when a job cut short runs again that long after the restart. The SQLite store has no sliding
    /// timeout, and a shorter one would hand a long job to a second worker while it still runs.
    /// </remarks>
    private static SQLiteStorage SqliteStore(string dataFolder, JobsOptions jobs)
    {
        Directory.CreateDirectory(dataFolder);
        return new SQLiteStorage(Path.Combine(dataFolder, "jobs.db"), new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
    }
}
