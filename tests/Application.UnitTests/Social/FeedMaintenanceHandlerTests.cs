using CleanBackend.Application.Feed;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CleanBackend.Application.UnitTests.Social;

/// <summary>The feed jobs pass the configured sizes to the set-based store.</summary>
public sealed class FeedMaintenanceHandlerTests
{
    private readonly Mock<IFeedStore> _feeds = new();
    private readonly IOptions<FeedOptions> _options = Options.Create(new FeedOptions { BackfillPosts = 12, MaxEntriesPerFeed = 34, FanOutBatchSize = 56 });

    [Fact]
    public async Task Backfill_copies_the_configured_number_of_latest_posts()
    {
        await new BackfillFeedHandler(_feeds.Object, _options).Handle(new BackfillFeedCommand(1, 2), default);
        _feeds.Verify(f => f.BackfillAsync(1, 2, 12, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Trim_keeps_the_configured_number_of_entries()
    {
        await new TrimFeedsHandler(_feeds.Object, _options, NullLogger<TrimFeedsHandler>.Instance).Handle(new TrimFeedsCommand(), default);
        _feeds.Verify(f => f.TrimAsync(34, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Post_removal_deletes_in_fan_out_sized_batches()
    {
        await new RemovePostFromFeedsHandler(_feeds.Object, _options).Handle(new RemovePostFromFeedsCommand(9), default);
        _feeds.Verify(f => f.RemovePostAsync(9, 56, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Unfollow_removal_removes_the_followees_posts_from_the_followers_feed()
    {
        await new RemoveFolloweeFromFeedHandler(_feeds.Object).Handle(new RemoveFolloweeFromFeedCommand(3, 4), default);
        _feeds.Verify(f => f.RemoveFolloweeAsync(3, 4, It.IsAny<CancellationToken>()), Times.Once);
    }
}
