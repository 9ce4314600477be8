using CleanBackend.Application.Feed;
using MediatR;

namespace CleanBackend.Infrastructure.Jobs;

public sealed class FeedFanOutJob(IMediator mediator) : CommandJob<FanOutPostCommand>(mediator);

public sealed class FeedBackfillJob(IMediator mediator) : CommandJob<BackfillFeedCommand>(mediator);

public sealed class FeedFolloweeRemovalJob(IMediator mediator) : CommandJob<RemoveFolloweeFromFeedCommand>(mediator);

public sealed class FeedPostRemovalJob(IMediator mediator) : CommandJob<RemovePostFromFeedsCommand>(mediator);

public sealed class FeedTrimJob(IMediator mediator) : RecurringCommandJob<Unit>(mediator)
{
    protected override IRequest<Unit> CreateCommand() => new TrimFeedsCommand();
}
