using System.Collections.Frozen;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Feed;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using MediatR;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// Enqueues a command as a Hangfire job through <see cref="IBackgroundJobClient"/>; it runs as soon as a worker on a
/// <c>jobs</c> node is free. An event published twice (the outbox delivers at least once) finds the first job still
/// waiting or running and does not enqueue a second one: the pending job is remembered under the command's values.
/// </summary>
public sealed class HangfireBackgroundJobs(IBackgroundJobClient client, JobStorage storage) : IBackgroundJobs
{
    /// <summary>Which job runs which command: adding a job type is one class in FeedJobs.cs (or beside it) and one line here.</summary>
    private static readonly FrozenDictionary<Type, Func<object, Job>> JobsByCommand = new[]
    {
        Runs<FanOutPostCommand>(c => Job.FromExpression<FeedFanOutJob>(j => j.RunAsync(c.PostId, c.AuthorId, CancellationToken.None))),
        Runs<BackfillFeedCommand>(c => Job.FromExpression<FeedBackfillJob>(j => j.RunAsync(c.FollowerId, c.FolloweeId, CancellationToken.None))),
        Runs<RemoveFolloweeFromFeedCommand>(c =>
            Job.FromExpression<FeedFolloweeRemovalJob>(j => j.RunAsync(c.FollowerId, c.FolloweeId, CancellationToken.None))),
        Runs<RemovePostFromFeedsCommand>(c => Job.FromExpression<FeedPostRemovalJob>(j => j.RunAsync(c.PostId, CancellationToken.None))),
    }.ToFrozenDictionary();

    /// <summary>States in which a job has yet to finish: a duplicate of it is dropped.</summary>
    private static readonly FrozenSet<string> PendingStates =
        new[] { EnqueuedState.StateName, ScheduledState.StateName, AwaitingState.StateName, ProcessingState.StateName }.ToFrozenSet();

    /// <summary>How long the command-to-job entry is kept: far longer than any redelivery of an event takes.</summary>
    private static readonly TimeSpan PendingEntryLifetime = TimeSpan.FromDays(1);

    /// <summary>Longer than <see cref="PostgresJobStore.AbandonedLockAge"/>: a lock left behind by an outage is taken over within one wait.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private const string JobIdField = "JobId";

    public Task EnqueueAsync<TCommand>(TCommand command, CancellationToken cancellationToken) where TCommand : IBaseRequest
    {
        if (!JobsByCommand.TryGetValue(typeof(TCommand), out var jobOf))
            throw new InvalidOperationException($"No background job runs {typeof(TCommand).Name}; map it in {nameof(HangfireBackgroundJobs)}.");

        // Records print their values: "FanOutPostCommand { PostId = 1, AuthorId = 2 }".
        var key = $"cleanbackend:pending-job:{command}";
        using var connection = storage.GetConnection();
        // Across nodes: two deliveries of one event racing each other must see each other's job.
        using (connection.AcquireDistributedLock(key, LockTimeout))
        {
            if (connection.GetAllEntriesFromHash(key)?.GetValueOrDefault(JobIdField) is { } pendingId && IsPending(connection, pendingId))
                return Task.CompletedTask;

            var jobId = client.Create(jobOf(command), new EnqueuedState());
            using var transaction = connection.CreateWriteTransaction();
            transaction.SetRangeInHash(key, [new(JobIdField, jobId)]);
            if (transaction is JobStorageTransaction expiring) expiring.ExpireHash(key, PendingEntryLifetime);
            transaction.Commit();
        }
        return Task.CompletedTask;
    }

    private static KeyValuePair<Type, Func<object, Job>> Runs<TCommand>(Func<TCommand, Job> job) => new(typeof(TCommand), c => job((TCommand)c));

    private static bool IsPending(IStorageConnection connection, string jobId) =>
        connection.GetStateData(jobId) is { } state && PendingStates.Contains(state.Name);
}
