using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Notifications;

/// <summary>
/// Tells a user that someone else followed them, liked or commented on their post, or mentioned them.
/// Written in the same transaction as the action; pushed to the recipient after commit.
/// </summary>
public sealed class Notification : Entity
{
    public const int DeduplicationKeyMaxLength = 100;

    private Notification() { }

    private Notification(long id, long recipientId, long actorId, string type, long? postId, long? commentId,
        string deduplicationKey, DateTimeOffset createdAt)
    {
        if (recipientId == actorId)
            throw new InvalidOperationException("Nobody is notified of their own actions.");
        Id = id;
        RecipientId = recipientId;
        ActorId = actorId;
        Type = type;
        PostId = postId;
        CommentId = commentId;
        DeduplicationKey = deduplicationKey;
        CreatedAt = createdAt;
        Raise(new NotificationCreated(id, recipientId));
    }

    public long RecipientId { get; private set; }
    public long ActorId { get; private set; }

    /// <summary>One of <see cref="NotificationTypes"/>.</summary>
    public string Type { get; private set; } = "";
    public long? PostId { get; private set; }
    public long? CommentId { get; private set; }

    /// <summary>
    /// What makes two notifications the same one (unique in the table): liking a post, unliking it and liking it
    /// again still gives its author one notification per (liker, post); following again after unfollowing, one
    /// per (follower, followee).
    /// </summary>
    public string DeduplicationKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>When the push to the recipient was claimed: a re-published event does not push it twice.</summary>
    public DateTimeOffset? PushedAt { get; private set; }

    public static Notification Follow(long id, long followeeId, long followerId, DateTimeOffset now) =>
        new(id, followeeId, followerId, NotificationTypes.Follow, null, null, $"follow:{followerId}:{followeeId}", now);

    public static Notification Like(long id, long postAuthorId, long likerId, long postId, DateTimeOffset now) =>
        new(id, postAuthorId, likerId, NotificationTypes.Like, postId, null, $"like:{likerId}:{postId}", now);

    public static Notification Comment(long id, long postAuthorId, long commenterId, long postId, long commentId, DateTimeOffset now) =>
        new(id, postAuthorId, commenterId, NotificationTypes.Comment, postId, commentId, $"comment:{commentId}", now);

    public static Notification Mention(long id, long mentionedUserId, long authorId, long postId, DateTimeOffset now) =>
        new(id, mentionedUserId, authorId, NotificationTypes.Mention, postId, null, $"mention:{postId}:{mentionedUserId}", now);
}
