using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanBackend.Application.Feed;

/// <summary>
/// Job: put a new post into its author's feed and its followers' feeds. Not an ICommand on purpose: no
/// surrounding transaction, each batch of followers commits on its own. Answers how far the post went, which the
/// jobs dashboard shows as the job's result.
/// </summary>
public sealed record FanOutPostCommand(long PostId, long AuthorId) : IRequest<FanOutResult>;

/// <param name="Followers">Followers whose feeds got the post; for an author over the fan-out limit, the limit + 1 counted.</param>
/// <param name="MergedAtRead">Over the fan-out limit: no feed rows, followers' reads merge the post in.</param>
/// <param name="PostGone">The post was deleted before the job ran: delivered nowhere.</param>
public sealed record FanOutResult(int Followers, bool MergedAtRead = false, bool PostGone = false);

public sealed class FanOutPostHandler(IFeedStore feeds, IMediator mediator, IOptions<FeedOptions> options)
    : IRequestHandler<FanOutPostCommand, FanOutResult>
{
    public async Task<FanOutResult> Handle(FanOutPostCommand request, CancellationToken cancellationToken)
    {
        // Deleted before the job ran: there is nothing to deliver (and its removal job may already have run).
        if (!await feeds.PostExistsAsync(request.PostId, cancellationToken)) return new FanOutResult(0, PostGone: true);

        var settings = options.Value;
        await feeds.AddToAuthorFeedAsync(request.PostId, request.AuthorId, cancellationToken);
        var followers = await feeds.CountFollowersUpToAsync(request.AuthorId, settings.FanOutLimit + 1, cancellationToken);
        var mergedAtRead = followers > settings.FanOutLimit;
        if (mergedAtRead)
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
        return new FanOutResult(followers, mergedAtRead);
    }
}

public sealed class FanOutWhenPostPublished(IBackgroundJobs jobs) : INotificationHandler<DomainEventCommitted<PostPublished>>
{
    public Task Handle(DomainEventCommitted<PostPublished> notification, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(new FanOutPostCommand(notification.Event.PostId, notification.Event.AuthorId), cancellationToken);
}
