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

/// <summary>An image attached to a post, in its position order; <see cref="Url"/> is the upload's (see MediaDto).</summary>
public sealed record PostMediaDto(long Id, string Url, string ContentType, int? Width, int? Height);
