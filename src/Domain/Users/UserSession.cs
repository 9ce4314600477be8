using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Users;

/// <summary>
/// A signed-in device (the server-side session of flask_session). Refresh tokens rotate inside it;
/// only a hash of the current one is kept, plus the hashes it replaced, so a replayed old token can be recognised.
/// </summary>
public sealed class UserSession : Entity
{
    /// <summary>Longer user-agent headers are cut to this length when a session is created.</summary>
    public const int UserAgentMaxLength = 300;

    private UserSession() { }

    public UserSession(long id, long userId, string refreshTokenHash, DateTimeOffset now, DateTimeOffset expiresAt,
        string? userAgent, string? ip)
    {
        Id = id;
        UserId = userId;
        RefreshTokenHash = refreshTokenHash;
        CreatedAt = now;
        LastSeenAt = now;
        ExpiresAt = expiresAt;
        UserAgent = userAgent;
        Ip = ip;
    }

    public long UserId { get; private set; }
    public string RefreshTokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? UserAgent { get; private set; }
    public string? Ip { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Rotate(string newRefreshTokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        RefreshTokenHash = newRefreshTokenHash;
        LastSeenAt = now;
        ExpiresAt = expiresAt;
    }

    /// <summary>Ends the session; revoking a revoked session changes nothing and raises nothing.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        Raise(new UserSessionRevoked(Id, UserId));
    }
}
