using CleanBackend.Application.Users;

namespace CleanBackend.Application.Comments;

public sealed record CommentDto(long Id, long PostId, UserSummaryDto Author, string Text, DateTimeOffset CreatedAt);
