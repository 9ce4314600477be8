using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Auth;

/// <summary><see cref="Login"/> is a userName or an email.</summary>
public sealed record LogInCommand(string Login, string Password) : ICommand<TokenPair>;

public sealed class LogInValidator : AbstractValidator<LogInCommand>
{
    public LogInValidator()
    {
        RuleFor(x => x.Login).NotEmpty().MaximumLength(User.EmailMaxLength);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(User.PasswordMaxLength);
    }
}

public sealed class LogInHandler(IAppDbContext db, IPasswordHasher hasher, ITokenService tokens, IIdGenerator ids,
    IClock clock, ICurrentUser caller) : IRequestHandler<LogInCommand, TokenPair>
{
    public async Task<TokenPair> Handle(LogInCommand request, CancellationToken cancellationToken)
    {
        var login = request.Login.Trim();
        var user = login.Contains('@')
            ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == User.NormalizeEmail(login), cancellationToken)
            : await db.Users.SingleOrDefaultAsync(u => u.UserName == login.ToLowerInvariant(), cancellationToken);

        // One answer, and the same hashing work, for "no such user" and "wrong password", so logins can't be
        // used to probe for accounts (by message or by response time).
        var passwordMatches = hasher.Verify(user?.PasswordHash ?? "", request.Password);
        if (user is null || !passwordMatches)
            throw new UnauthorizedException("Wrong login or password.");

        var now = clock.UtcNow;
        var (refreshToken, refreshHash) = tokens.CreateRefreshToken();
        var session = new UserSession(ids.NextId(), user.Id, refreshHash, now, now + tokens.RefreshTokenLifetime,
            Truncate(caller.UserAgent, UserSession.UserAgentMaxLength), caller.IpAddress);
        db.UserSessions.Add(session);

        var access = tokens.CreateAccessToken(user, session.Id);
        return new TokenPair(access.Token, refreshToken, access.ExpiresAt);
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}
