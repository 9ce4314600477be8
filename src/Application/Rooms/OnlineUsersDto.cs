using CleanBackend.Application.Users;

namespace CleanBackend.Application.Rooms;

/// <summary>The users with at least one connection in a room, by userName.</summary>
public sealed record OnlineUsersDto(IReadOnlyList<UserSummaryDto> Users);
