using CleanBackend.Application.Users;

namespace CleanBackend.Application.Posts;

/// <summary>A post as every response shows it; <see cref="LikedByMe"/> is about the caller (false when anonymous).</summary>
public sealed record PostDto(
    long Id,
    UserSummaryDto Author,
    string Text,
    IReadOnlyList<PostMediaDto> Media,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int LikeCount,
    int CommentCount,
    bool LikedByMe);

/// <summary>An image attached to a post, in its position order.</summary>
public sealed record PostMediaDto(long Id, string Url, string ContentType, int? Width, int? Height)
{
    /// <summary>Uploads are served at this path followed by their storage key.</summary>
    public const string UrlPrefix = "/media/";
}
