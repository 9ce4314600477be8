using CleanBackend.Domain.Common;
using CleanBackend.Domain.Social;

namespace CleanBackend.Domain.UnitTests.Social;

public sealed class FollowTests
{
    [Fact]
    public void A_follow_raises_UserFollowed_and_an_unfollow_UserUnfollowed()
    {
        var follow = new Follow(1, followerId: 2, followeeId: 3, DateTimeOffset.UnixEpoch);
        follow.RecordUnfollow();

        Assert.Equal([new UserFollowed(2, 3), new UserUnfollowed(2, 3)], follow.DomainEvents);
    }

    [Fact]
    public void Following_yourself_breaks_a_rule_on_userName()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Follow(1, 2, 2, DateTimeOffset.UnixEpoch));
        Assert.Equal("userName", error.Field);
    }
}
