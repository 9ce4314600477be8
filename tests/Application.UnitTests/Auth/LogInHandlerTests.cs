using CleanBackend.Application.Auth;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.UnitTests.Support;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Moq;

namespace CleanBackend.Application.UnitTests.Auth;

public sealed class LogInHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private const long UserId = 42;
    private const long SessionId = 2001;

    private readonly InMemoryAppDatabase _database = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ITokenService> _tokens = new();
    private readonly Mock<IIdGenerator> _ids = new();
    private readonly Mock<IClock> _clock = new();
    private readonly Mock<ICurrentUser> _caller = new();

    public LogInHandlerTests()
    {
        _hasher.Setup(h => h.Verify("stored-hash", "correct-horse")).Returns(true);
        _tokens.Setup(t => t.CreateRefreshToken()).Returns(("refresh-token", "refresh-hash"));
        _tokens.Setup(t => t.RefreshTokenLifetime).Returns(TimeSpan.FromDays(30));
        _tokens.Setup(t => t.CreateAccessToken(It.IsAny<User>(), It.IsAny<long>()))
            .Returns(new AccessToken("access-token", Now.AddMinutes(15)));
        _ids.Setup(i => i.NextId()).Returns(SessionId);
        _clock.Setup(c => c.UtcNow).Returns(Now);
        _caller.Setup(c => c.UserAgent).Returns("Firefox");
        _caller.Setup(c => c.IpAddress).Returns("203.0.113.7");

        using var db = _database.CreateContext();
        var user = new User(UserId, "alice", "Alice@Example.Test", "Alice", Roles.User, Now.AddDays(-1));
        user.SetPasswordHash("stored-hash");
        db.Users.Add(user);
        db.SaveChanges();
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Runs the handler and saves, as the unit of work does after a command.</summary>
    private async Task<TokenPair> LogInAsync(string login, string password)
    {
        var db = _database.CreateContext();
        var handler = new LogInHandler(db, _hasher.Object, _tokens.Object, _ids.Object, _clock.Object, _caller.Object);
        var result = await handler.Handle(new LogInCommand(login, password), CancellationToken.None);
        await db.SaveChangesAsync();
        return result;
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData(" alice ")]
    [InlineData("alice@example.test")]
    [InlineData(" ALICE@EXAMPLE.TEST ")]
    public async Task Login_by_userName_or_email_in_any_case_returns_the_token_pair(string login)
    {
        var pair = await LogInAsync(login, "correct-horse");

        Assert.Equal(new TokenPair("access-token", "refresh-token", Now.AddMinutes(15)), pair);
        _tokens.Verify(t => t.CreateAccessToken(It.Is<User>(u => u.Id == UserId), SessionId), Times.Once);
    }

    [Fact]
    public async Task Login_opens_a_session_that_stores_only_the_refresh_token_hash()
    {
        await LogInAsync("alice", "correct-horse");

        var session = await _database.CreateContext().UserSessions.SingleAsync();
        Assert.Equal(SessionId, session.Id);
        Assert.Equal(UserId, session.UserId);
        Assert.Equal("refresh-hash", session.RefreshTokenHash);
        Assert.Equal(Now, session.CreatedAt);
        Assert.Equal(Now, session.LastSeenAt);
        Assert.Equal(Now.AddDays(30), session.ExpiresAt);
        Assert.Equal("Firefox", session.UserAgent);
        Assert.Equal("203.0.113.7", session.Ip);
        Assert.True(session.IsActive(Now));
    }

    [Fact]
    public async Task Over_long_user_agent_is_cut_to_the_column_size()
    {
        _caller.Setup(c => c.UserAgent).Returns(new string('u', 1000));

        await LogInAsync("alice", "correct-horse");

        var session = await _database.CreateContext().UserSessions.SingleAsync();
        Assert.Equal(new string('u', 300), session.UserAgent);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_fail_the_same_way_and_open_no_session()
    {
        var unknown = await Assert.ThrowsAsync<UnauthorizedException>(() => LogInAsync("nobody", "correct-horse"));
        var wrongPassword = await Assert.ThrowsAsync<UnauthorizedException>(() => LogInAsync("alice", "wrong-password"));

        Assert.Equal(unknown.Message, wrongPassword.Message);
        Assert.Empty(await _database.CreateContext().UserSessions.ToListAsync());
        _tokens.Verify(t => t.CreateAccessToken(It.IsAny<User>(), It.IsAny<long>()), Times.Never);
        _tokens.Verify(t => t.CreateRefreshToken(), Times.Never);
    }

    [Fact]
    public async Task Unknown_user_still_costs_a_password_verification()
    {
        await Assert.ThrowsAsync<UnauthorizedException>(() => LogInAsync("nobody", "correct-horse"));

        _hasher.Verify(h => h.Verify("", "correct-horse"), Times.Once);
    }
}
