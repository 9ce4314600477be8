namespace CleanBackend.Domain.Social;

/// <summary>One user's like of one post; the key (post, user) makes a second like of the same post impossible.</summary>
public sealed class PostLike
{
    private PostLike() { }

    public PostLike(long postId, long userId, DateTimeOffset now)
    {
        PostId = postId;
        UserId = userId;
        CreatedAt = now;
    }

    public long PostId { get; private set; }
    public long UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
