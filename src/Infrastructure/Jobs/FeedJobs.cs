using System.ComponentModel;
using CleanBackend.Application.Feed;
using MediatR;

namespace CleanBackend.Infrastructure.Jobs;

// The arguments are the command's ids, not the command: the dashboard formats the display name with them and shows
// them on the job's page.

public sealed class FeedFanOutJob(IMediator mediator) : CommandJob(mediator)
{
    [DisplayName("Fan out post {0} by user {1}")]
    public Task<FanOutResult> RunAsync(long postId, long authorId, CancellationToken cancellationToken) =>
        SendAsync(new FanOutPostCommand(postId, authorId), cancellationToken);
}

public sealed class FeedBackfillJob(IMediator mediator) : CommandJob(mediator)
{
    [DisplayName("Backfill user {0}'s feed with user {1}'s posts")]
    public Task<Unit> RunAsync(long followerId, long followeeId, CancellationToken cancellationToken) =>
        SendAsync(new BackfillFeedCommand(followerId, followeeId), cancellationToken);
}

public sealed class FeedFolloweeRemovalJob(IMediator mediator) : CommandJob(mediator)
{
    [DisplayName("Remove user {1}'s posts from user {0}'s feed")]
    public Task<Unit> RunAsync(long followerId, long followeeId, CancellationToken cancellationToken) =>
        SendAsync(new RemoveFolloweeFromFeedCommand(followerId, followeeId), cancellationToken);
}

public sealed class FeedPostRemovalJob(IMediator mediator) : CommandJob(mediator)
{
    [DisplayName("Remove deleted post {0} from every feed")]
    public Task<Unit> RunAsync(long postId, CancellationToken cancellationToken) =>
        SendAsync(new RemovePostFromFeedsCommand(postId), cancellationToken);
}

public sealed class FeedTrimJob(IMediator mediator) : RecurringCommandJob(mediator)
{
    public override Task RunAsync(CancellationToken cancellationToken) => SendAsync(new TrimFeedsCommand(), cancellationToken);
}
