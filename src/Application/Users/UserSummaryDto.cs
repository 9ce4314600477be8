namespace CleanBackend.Application.Users;

/// <summary>A user as lists and posts show them: who, without the profile details.</summary>
public sealed record UserSummaryDto(long Id, string UserName, string DisplayName);
