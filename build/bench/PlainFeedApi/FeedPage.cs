using System.Text.Json.Serialization;

namespace CleanBackend.PlainFeedApi;

// CleanBackend's JSON shape for a feed page: { items: [PostDto], nextCursor }, ids as strings.
public sealed record FeedPage(List<FeedPost> Items, string? NextCursor);

public sealed record FeedPost(string Id, FeedAuthor Author, string Text, List<FeedMedia> Media, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, int LikeCount, int CommentCount, bool LikedByMe)
{
    [JsonIgnore] public long IdValue { get; init; }
}

public sealed record FeedAuthor(string Id, string UserName, string DisplayName);

public sealed record FeedMedia(string Id, string Url, string ContentType, int? Width, int? Height);
