using CleanBackend.Domain.Users;

namespace CleanBackend.Domain.UnitTests.Users;

public sealed class UserSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static UserSession NewSession() => new(7, 3, "hash", Now, Now.AddDays(30), "agent", "127.0.0.1");

    [Fact]
    public void New_session_is_seen_at_creation_and_not_revoked()
    {
        var session = NewSession();

        Assert.Equal(7, session.Id);
        Assert.Equal(3, session.UserId);
        Assert.Equal("hash", session.RefreshTokenHash);
        Assert.Equal(Now, session.CreatedAt);
        Assert.Equal(Now, session.LastSeenAt);
        Assert.Equal(Now.AddDays(30), session.ExpiresAt);
        Assert.Null(session.RevokedAt);
        Assert.Equal("agent", session.UserAgent);
        Assert.Equal("127.0.0.1", session.Ip);
        Assert.Empty(session.DomainEvents);
    }

    [Fact]
    public void Revoking_ends_the_session_and_raises_one_event_even_when_repeated()
    {
        var session = NewSession();

        session.Revoke(Now);
        session.Revoke(Now.AddMinutes(1));

        Assert.False(session.IsActive(Now));
        Assert.Equal(Now, session.RevokedAt);
        Assert.Equal(new UserSessionRevoked(7, 3), Assert.Single(session.DomainEvents));
    }

    [Fact]
    public void A_session_is_inactive_from_its_expiry_and_rotation_extends_it()
    {
        var session = NewSession();
        Assert.True(session.IsActive(Now.AddDays(30).AddTicks(-1)));
        Assert.False(session.IsActive(Now.AddDays(30)));

        session.Rotate("next-hash", Now.AddDays(1), Now.AddDays(31));

        Assert.True(session.IsActive(Now.AddDays(30)));
        Assert.Equal("next-hash", session.RefreshTokenHash);
        Assert.Equal(Now.AddDays(1), session.LastSeenAt);
        Assert.Equal(Now, session.CreatedAt);
        Assert.Empty(session.DomainEvents);
    }

    [Fact]
    public void Rotate_does_not_revive_a_revoked_session()
    {
        var session = NewSession();
        session.Revoke(Now.AddMinutes(1));

        session.Rotate("next-hash", Now.AddMinutes(2), Now.AddDays(30));

        Assert.False(session.IsActive(Now.AddMinutes(3)));
    }
}
