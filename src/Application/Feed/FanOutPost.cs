using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanBackend.Application.Feed;

/// <summary>
/// Job: put a new post into its author's feed and its followers' feeds. Not an ICommand on purpose: no
/// surrounding transaction, each batch of followers commits on its own.
/// </summary>
public sealed record FanOutPostCommand(long PostId, long AuthorId) : IRequest;

public sealed class FanOutPostHandler(IFeedStore feeds, IMediator mediator, IOptions<FeedOptions> options)
    : IRequestHandler<FanOutPostCommand, Unit>
{
    public async Task<Unit> Handle(FanOutPostCommand request, CancellationToken cancellationToken)
    {
        // Deleted before the job ran: there is nothing to deliver (and its removal job may already have run).
        if (!await feeds.PostExistsAsync(request.PostId, cancellationToken)) return Unit.Value;

        var settings = options.Value;
        await feeds.AddToAuthorFeedAsync(request.PostId, request.AuthorId, cancellationToken);
        if (await feeds.HasMoreFollowersThanAsync(request.AuthorId, settings.FanOutLimit, cancellationToken))
        {
            await feeds.MarkDeliveredAtReadAsync(request.PostId, cancellationToken);
        }
        else
        {
            var after = 0L;
            while (await feeds.FanOutBatchAsync(request.PostId, request.AuthorId, after, settings.FanOutBatchSize, cancellationToken) is { } last)
                after = last;
        }

        await mediator.Publish(new PostReachedFeeds(request.PostId, request.AuthorId), cancellationToken);
        return Unit.Value;
    }
}

public sealed class FanOutWhenPostPublished(IBackgroundJobs jobs) : INotificationHandler<DomainEventCommitted<PostPublished>>
{
    public Task Handle(DomainEventCommitted<PostPublished> notification, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(new FanOutPostCommand(notification.Event.PostId, notification.Event.AuthorId), cancellationToken);
}
