namespace CleanBackend.Application.Users;

/// <summary>A user's public profile (no email); <see cref="FollowedByMe"/> is about the caller (false when anonymous).</summary>
public sealed record UserProfileDto(long Id, string UserName, string DisplayName, string? Bio, string Role, DateTimeOffset CreatedAt, bool FollowedByMe);
