using System.Collections.Frozen;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Feed;
using MediatR;
using Quartz;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// Enqueues a command as a one-off Quartz job that runs as soon as a node is free. The job is stored durably
/// with RequestRecovery, so a firing cut short by a crash runs again on another node; failures are retried
/// by the scheduler's default retry policy.
/// </summary>
public sealed class QuartzBackgroundJobs(ISchedulerFactory schedulers) : IBackgroundJobs
{
    /// <summary>Which job class runs which command: adding a job type is one class in FeedJobs.cs (or beside it) and one line here.</summary>
    private static readonly FrozenDictionary<Type, Func<IScheduler, object, CancellationToken, Task>> JobsByCommand =
        new Dictionary<Type, Func<IScheduler, object, CancellationToken, Task>>
        {
            [typeof(FanOutPostCommand)] = Schedule<FeedFanOutJob, FanOutPostCommand>,
            [typeof(BackfillFeedCommand)] = Schedule<FeedBackfillJob, BackfillFeedCommand>,
            [typeof(RemoveFolloweeFromFeedCommand)] = Schedule<FeedFolloweeRemovalJob, RemoveFolloweeFromFeedCommand>,
            [typeof(RemovePostFromFeedsCommand)] = Schedule<FeedPostRemovalJob, RemovePostFromFeedsCommand>,
        }.ToFrozenDictionary();

    public async Task EnqueueAsync<TCommand>(TCommand command, CancellationToken cancellationToken) where TCommand : IRequest
    {
        if (!JobsByCommand.TryGetValue(typeof(TCommand), out var schedule))
            throw new InvalidOperationException($"No background job runs {typeof(TCommand).Name}; map it in {nameof(QuartzBackgroundJobs)}.");
        await schedule(await schedulers.GetScheduler(cancellationToken), command, cancellationToken);
    }

    private static async Task Schedule<TJob, TCommand>(IScheduler scheduler, object command, CancellationToken cancellationToken)
        where TJob : IJob<TCommand> where TCommand : IRequest =>
        await scheduler.ScheduleJob<TJob, TCommand>((TCommand)command, TimeSpan.Zero,
            new OneOffJobOptions
            {
                RequestRecovery = true,
                // Named after the command's values: readable in the dashboard, and an event published twice (at least
                // once delivery) finds the first firing still pending and keeps it rather than queueing a second.
                Name = command.ToString(),
                OnConflict = TriggerConflict.Keep,
            }, cancellationToken);
}
