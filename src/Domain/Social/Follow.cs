using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Social;

/// <summary>
/// <see cref="FollowerId"/> follows <see cref="FolloweeId"/>. The snowflake id orders follower and following
/// lists by when the follow happened; (follower, followee) is unique.
/// </summary>
public sealed class Follow : Entity
{
    private Follow() { }

    /// <summary>Raises <see cref="UserFollowed"/>: only save a follow that did not exist yet.</summary>
    public Follow(long id, long followerId, long followeeId, DateTimeOffset now)
    {
        if (followerId == followeeId) throw new DomainRuleException("userName", "You cannot follow yourself.");
        Id = id;
        FollowerId = followerId;
        FolloweeId = followeeId;
        CreatedAt = now;
        Raise(new UserFollowed(followerId, followeeId));
    }

    public long FollowerId { get; private set; }
    public long FolloweeId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The follow row was just deleted (not merely requested again).</summary>
    public void RecordUnfollow() => Raise(new UserUnfollowed(FollowerId, FolloweeId));
}
