using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanBackend.Application.Feed;

/// <summary>Recurring job: every feed keeps only its newest <see cref="FeedOptions.MaxEntriesPerFeed"/> entries.</summary>
public sealed record TrimFeedsCommand : IRequest;

public sealed class TrimFeedsHandler(IFeedStore feeds, IOptions<FeedOptions> options, ILogger<TrimFeedsHandler> logger)
    : IRequestHandler<TrimFeedsCommand, Unit>
{
    public async Task<Unit> Handle(TrimFeedsCommand request, CancellationToken cancellationToken)
    {
        var removed = await feeds.TrimAsync(options.Value.MaxEntriesPerFeed, cancellationToken);
        logger.LogInformation("Feed trim removed {Rows} entries beyond the newest {Keep} per feed", removed, options.Value.MaxEntriesPerFeed);
        return Unit.Value;
    }
}
