using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using MediatR;

namespace CleanBackend.Application.Feed;

/// <summary>Job: an unfollow removes the followee's posts from the follower's feed.</summary>
public sealed record RemoveFolloweeFromFeedCommand(long FollowerId, long FolloweeId) : IRequest;

public sealed class RemoveFolloweeFromFeedHandler(IFeedStore feeds) : IRequestHandler<RemoveFolloweeFromFeedCommand, Unit>
{
    public async Task<Unit> Handle(RemoveFolloweeFromFeedCommand request, CancellationToken cancellationToken)
    {
        await feeds.RemoveFolloweeAsync(request.FollowerId, request.FolloweeId, cancellationToken);
        return Unit.Value;
    }
}

public sealed class RemoveFolloweeWhenUserUnfollowed(IBackgroundJobs jobs) : INotificationHandler<DomainEventCommitted<UserUnfollowed>>
{
    public Task Handle(DomainEventCommitted<UserUnfollowed> notification, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(new RemoveFolloweeFromFeedCommand(notification.Event.FollowerId, notification.Event.FolloweeId), cancellationToken);
}
