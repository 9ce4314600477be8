using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Feed;
using CleanBackend.Domain.Social;
using MediatR;
using Moq;

namespace CleanBackend.Application.UnitTests.Social;

/// <summary>Committed social events turn into the background job that updates the feeds.</summary>
public sealed class FeedJobSchedulingTests
{
    private readonly Mock<IBackgroundJobs> _jobs = new();

    [Fact]
    public async Task A_published_post_enqueues_its_fan_out()
    {
        await new FanOutWhenPostPublished(_jobs.Object).Handle(Committed(new PostPublished(1, 2)), default);
        Verify(new FanOutPostCommand(1, 2));
    }

    [Fact]
    public async Task A_follow_enqueues_the_backfill()
    {
        await new BackfillWhenUserFollowed(_jobs.Object).Handle(Committed(new UserFollowed(3, 4)), default);
        Verify(new BackfillFeedCommand(3, 4));
    }

    [Fact]
    public async Task An_unfollow_enqueues_the_removal_of_the_followees_posts()
    {
        await new RemoveFolloweeWhenUserUnfollowed(_jobs.Object).Handle(Committed(new UserUnfollowed(5, 6)), default);
        Verify(new RemoveFolloweeFromFeedCommand(5, 6));
    }

    [Fact]
    public async Task A_deleted_post_enqueues_its_removal_from_every_feed()
    {
        await new RemovePostWhenPostDeleted(_jobs.Object).Handle(Committed(new PostDeleted(7, 8)), default);
        Verify(new RemovePostFromFeedsCommand(7));
    }

    private static DomainEventCommitted<T> Committed<T>(T domainEvent) where T : Domain.Common.IDomainEvent => new(domainEvent, 99);

    private void Verify<TCommand>(TCommand expected) where TCommand : IBaseRequest =>
        _jobs.Verify(j => j.EnqueueAsync(expected, It.IsAny<CancellationToken>()), Times.Once);
}
