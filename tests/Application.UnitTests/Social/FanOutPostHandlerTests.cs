using CleanBackend.Application.Feed;
using MediatR;
using Microsoft.Extensions.Options;
using Moq;

namespace CleanBackend.Application.UnitTests.Social;

public sealed class FanOutPostHandlerTests
{
    private const long PostId = 100, AuthorId = 7;
    private readonly Mock<IFeedStore> _feeds = new(MockBehavior.Strict);
    private readonly Mock<IMediator> _mediator = new();
    private readonly FeedOptions _options = new() { FanOutLimit = 10, FanOutBatchSize = 3 };

    private Task<FanOutResult> Run() =>
        new FanOutPostHandler(_feeds.Object, _mediator.Object, Options.Create(_options)).Handle(new FanOutPostCommand(PostId, AuthorId), default);

    [Fact]
    public async Task An_ordinary_author_is_fanned_out_batch_after_batch_until_no_followers_are_left()
    {
        _feeds.Setup(f => f.PostExistsAsync(PostId, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _feeds.Setup(f => f.AddToAuthorFeedAsync(PostId, AuthorId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _feeds.Setup(f => f.CountFollowersUpToAsync(AuthorId, 11, It.IsAny<CancellationToken>())).ReturnsAsync(7);
        _feeds.Setup(f => f.FanOutBatchAsync(PostId, AuthorId, 0, 3, It.IsAny<CancellationToken>())).ReturnsAsync(30);
        _feeds.Setup(f => f.FanOutBatchAsync(PostId, AuthorId, 30, 3, It.IsAny<CancellationToken>())).ReturnsAsync(61);
        _feeds.Setup(f => f.FanOutBatchAsync(PostId, AuthorId, 61, 3, It.IsAny<CancellationToken>())).ReturnsAsync((long?)null);

        Assert.Equal(new FanOutResult(7), await Run());

        _feeds.Verify(f => f.FanOutBatchAsync(PostId, AuthorId, It.IsAny<long>(), 3, It.IsAny<CancellationToken>()), Times.Exactly(3));
        _mediator.Verify(m => m.Publish(new PostReachedFeeds(PostId, AuthorId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_author_over_the_limit_is_not_fanned_out_but_marked_for_read_time_merging()
    {
        _feeds.Setup(f => f.PostExistsAsync(PostId, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _feeds.Setup(f => f.AddToAuthorFeedAsync(PostId, AuthorId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _feeds.Setup(f => f.CountFollowersUpToAsync(AuthorId, 11, It.IsAny<CancellationToken>())).ReturnsAsync(11);
        _feeds.Setup(f => f.MarkDeliveredAtReadAsync(PostId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        Assert.Equal(new FanOutResult(11, MergedAtRead: true), await Run());

        _feeds.Verify(f => f.MarkDeliveredAtReadAsync(PostId, It.IsAny<CancellationToken>()), Times.Once);
        _feeds.Verify(f => f.FanOutBatchAsync(It.IsAny<long>(), It.IsAny<long>(), It.IsAny<long>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        _mediator.Verify(m => m.Publish(new PostReachedFeeds(PostId, AuthorId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_post_deleted_before_its_job_ran_is_neither_delivered_nor_announced()
    {
        _feeds.Setup(f => f.PostExistsAsync(PostId, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        Assert.Equal(new FanOutResult(0, PostGone: true), await Run());

        _mediator.Verify(m => m.Publish(It.IsAny<PostReachedFeeds>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
