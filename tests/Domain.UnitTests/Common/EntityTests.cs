using CleanBackend.Domain.Common;
using CleanBackend.Domain.Social;

namespace CleanBackend.Domain.UnitTests.Common;

public sealed class EntityTests
{
    private sealed class Aggregate : Entity
    {
        public void Record(IDomainEvent domainEvent) => Raise(domainEvent);
    }

    [Fact]
    public void Raised_events_are_kept_in_order_until_cleared()
    {
        var aggregate = new Aggregate();
        var first = new UserFollowed(1, 2);
        var second = new UserUnfollowed(1, 2);

        aggregate.Record(first);
        aggregate.Record(second);

        Assert.Equal([first, second], aggregate.DomainEvents);

        aggregate.ClearDomainEvents();

        Assert.Empty(aggregate.DomainEvents);
    }

    [Fact]
    public void Events_name_the_aggregate_whose_order_the_outbox_keeps()
    {
        Assert.Equal(1, new UserFollowed(FollowerId: 1, FolloweeId: 2).AggregateId);
        Assert.Equal(3, new PostLiked(PostId: 3, PostAuthorId: 4, LikerId: 5).AggregateId);
        Assert.Equal(6, new Rooms.RoomMessagePosted(RoomId: 6, MessageId: 7, SenderId: 8).AggregateId);
    }
}
