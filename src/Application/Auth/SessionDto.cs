using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Auth;

/// <summary>A signed-in device as its owner sees it; <see cref="Current"/> marks the one making the request.</summary>
public sealed record SessionDto(long Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent, string? Ip, bool Current)
{
    public static SessionDto From(UserSession session, long? callerSessionId) =>
        new(session.Id, session.CreatedAt, session.LastSeenAt, session.UserAgent, session.Ip, session.Id == callerSessionId);
}
