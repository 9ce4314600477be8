using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Social;

/// <summary>A comment on a post; created through <see cref="Post.AddComment"/>, which raises <see cref="PostCommented"/>.</summary>
public sealed class Comment : Entity
{
    private Comment() { }

    internal Comment(long id, long postId, long authorId, string text, DateTimeOffset now)
    {
        Id = id;
        PostId = postId;
        AuthorId = authorId;
        Text = PostText.Normalize(text);
        CreatedAt = now;
    }

    public long PostId { get; private set; }
    public long AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
