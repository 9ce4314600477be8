using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanBackend.Application.Feed;

/// <summary>Job: a new follow copies the followee's latest posts into the follower's feed.</summary>
public sealed record BackfillFeedCommand(long FollowerId, long FolloweeId) : IRequest;

public sealed class BackfillFeedHandler(IFeedStore feeds, IOptions<FeedOptions> options) : IRequestHandler<BackfillFeedCommand, Unit>
{
    public async Task<Unit> Handle(BackfillFeedCommand request, CancellationToken cancellationToken)
    {
        await feeds.BackfillAsync(request.FollowerId, request.FolloweeId, options.Value.BackfillPosts, cancellationToken);
        return Unit.Value;
    }
}

public sealed class BackfillWhenUserFollowed(IBackgroundJobs jobs) : INotificationHandler<DomainEventCommitted<UserFollowed>>
{
    public Task Handle(DomainEventCommitted<UserFollowed> notification, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(new BackfillFeedCommand(notification.Event.FollowerId, notification.Event.FolloweeId), cancellationToken);
}
