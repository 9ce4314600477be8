namespace CleanBackend.Domain.Users;

/// <summary>
/// A refresh token that was rotated away. Presenting it again means it leaked (or was replayed),
/// so the whole session it belonged to is revoked.
/// </summary>
public sealed class RetiredRefreshToken
{
    private RetiredRefreshToken() { }

    public RetiredRefreshToken(string tokenHash, long sessionId, DateTimeOffset retiredAt)
    {
        TokenHash = tokenHash;
        SessionId = sessionId;
        RetiredAt = retiredAt;
    }

    public string TokenHash { get; private set; } = "";
    public long SessionId { get; private set; }
    public DateTimeOffset RetiredAt { get; private set; }
}
