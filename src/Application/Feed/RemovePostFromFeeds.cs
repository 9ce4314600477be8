using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanBackend.Application.Feed;

/// <summary>
/// Job: a deleted post leaves every feed. Reads already skip it from the moment the delete commits
/// (feeds are joined to Posts); this only reclaims the rows.
/// </summary>
public sealed record RemovePostFromFeedsCommand(long PostId) : IRequest;

public sealed class RemovePostFromFeedsHandler(IFeedStore feeds, IOptions<FeedOptions> options) : IRequestHandler<RemovePostFromFeedsCommand, Unit>
{
    public async Task<Unit> Handle(RemovePostFromFeedsCommand request, CancellationToken cancellationToken)
    {
        await feeds.RemovePostAsync(request.PostId, options.Value.FanOutBatchSize, cancellationToken);
        return Unit.Value;
    }
}

public sealed class RemovePostWhenPostDeleted(IBackgroundJobs jobs) : INotificationHandler<DomainEventCommitted<PostDeleted>>
{
    public Task Handle(DomainEventCommitted<PostDeleted> notification, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(new RemovePostFromFeedsCommand(notification.Event.PostId), cancellationToken);
}
