using CleanBackend.Application.Feed;
using CleanBackend.Infrastructure.Jobs;
using CleanBackend.TestSupport;
using Hangfire;

namespace CleanBackend.Infrastructure.IntegrationTests.Jobs;

/// <summary>The clustered job store on a real PostgreSQL database.</summary>
public sealed class PostgresJobStoreTests
{
    [Fact]
    public async Task A_pending_job_lock_whose_holder_lost_its_connection_is_taken_over_and_the_job_enqueued()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var storage = PostgresJobStore.Create(database.ConnectionString, TimeSpan.FromSeconds(1), BackgroundJobsSetup.InvisibilityTimeout);
        var jobs = new HangfireBackgroundJobs(new BackgroundJobClient(storage), storage);
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
}
