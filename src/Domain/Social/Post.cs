using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Social;

/// <summary>
/// A post. Like and comment counts are denormalized here; they are changed with set-based increments
/// (UPDATE ... SET "LikeCount" = "LikeCount" + 1) in the transaction that adds the like or comment, never
/// through this object, so concurrent likes are not lost.
/// </summary>
public sealed class Post : Entity
{
    public const int MaxMedia = 4;

    private Post() { }

    /// <param name="mentionedUserIds">Existing users whose userName the text mentions; the author is skipped.</param>
    public Post(long id, long authorId, string text, IEnumerable<long> mentionedUserIds, DateTimeOffset now)
    {
        Id = id;
        AuthorId = authorId;
        Text = PostText.Normalize(text);
        CreatedAt = now;
        Raise(new PostPublished(id, authorId));
        RaiseMentions(mentionedUserIds);
    }

    public long AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public int LikeCount { get; private set; }
    public int CommentCount { get; private set; }

    /// <summary>
    /// The author had more followers than the fan-out limit when the post was published: it has no feed rows,
    /// followers' feeds merge it in at read time instead. Set by the fan-out job.
    /// </summary>
    public bool DeliveredAtRead { get; private set; }

    /// <param name="newlyMentionedUserIds">Users mentioned by the new text and not by the old one.</param>
    public void Edit(string text, IEnumerable<long> newlyMentionedUserIds, DateTimeOffset now)
    {
        Text = PostText.Normalize(text);
        EditedAt = now;
        RaiseMentions(newlyMentionedUserIds);
    }

    /// <summary>The post's row was just deleted: its feed rows are removed by a job once this commits.</summary>
    public void Delete() => Raise(new PostDeleted(Id, AuthorId));

    /// <summary>A like row by <paramref name="likerId"/> was just created (not merely requested again).</summary>
    public void RecordLike(long likerId) => Raise(new PostLiked(Id, AuthorId, likerId));

    public Comment AddComment(long commentId, long commenterId, string text, DateTimeOffset now)
    {
        var comment = new Comment(commentId, Id, commenterId, text, now);
        Raise(new PostCommented(Id, AuthorId, commentId, commenterId));
        return comment;
    }

    private void RaiseMentions(IEnumerable<long> userIds)
    {
        foreach (var userId in userIds.Distinct().Where(u => u != AuthorId))
            Raise(new UserMentioned(Id, AuthorId, userId));
    }
}
