using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Social;

public sealed record UserFollowed(long FollowerId, long FolloweeId) : IDomainEvent
{
    public long AggregateId => FollowerId;
}

public sealed record UserUnfollowed(long FollowerId, long FolloweeId) : IDomainEvent
{
    public long AggregateId => FollowerId;
}

public sealed record PostPublished(long PostId, long AuthorId) : IDomainEvent
{
    public long AggregateId => PostId;
}

public sealed record PostDeleted(long PostId, long AuthorId) : IDomainEvent
{
    public long AggregateId => PostId;
}

public sealed record PostLiked(long PostId, long PostAuthorId, long LikerId) : IDomainEvent
{
    public long AggregateId => PostId;
}

public sealed record PostCommented(long PostId, long PostAuthorId, long CommentId, long CommenterId) : IDomainEvent
{
    public long AggregateId => PostId;
}

public sealed record UserMentioned(long PostId, long AuthorId, long MentionedUserId) : IDomainEvent
{
    public long AggregateId => PostId;
}
