namespace CleanBackend.Domain.Social;

/// <summary>
/// A row of a user's materialized home feed: <see cref="PostId"/> by <see cref="AuthorId"/> shows in
/// <see cref="UserId"/>'s feed. Derived data, written and removed set-based by the feed jobs only.
/// </summary>
public sealed class FeedEntry
{
    private FeedEntry() { }

    public FeedEntry(long userId, long postId, long authorId)
    {
        UserId = userId;
        PostId = postId;
        AuthorId = authorId;
    }

    public long UserId { get; private set; }
    public long PostId { get; private set; }
    public long AuthorId { get; private set; }
}
