using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Auth;

/// <summary>Trades a refresh token for a new pair. The presented token is retired (rotation).</summary>
public sealed record RefreshTokensCommand(string RefreshToken) : ICommand<RefreshOutcome>;

/// <summary>
/// New tokens, or why the refresh token was refused. Refusals are returned rather than thrown because a
/// replayed token revokes its session, and an exception would roll that revocation back with the transaction.
/// </summary>
public sealed class RefreshOutcome
{
    private RefreshOutcome(TokenPair? tokens, string? refusal)
    {
        Tokens = tokens;
        Refusal = refusal;
    }

    public TokenPair? Tokens { get; }
    public string? Refusal { get; }

    public static RefreshOutcome Issued(TokenPair tokens) => new(tokens, null);
    public static RefreshOutcome Refused(string reason) => new(null, reason);

    /// <summary>For the caller once the transaction has committed: the tokens, or a 401 with the reason.</summary>
    public TokenPair TokensOrThrow() => Tokens ?? throw new UnauthorizedException(Refusal ?? "The refresh token was refused.");
}

public sealed class RefreshTokensValidator : AbstractValidator<RefreshTokensCommand>
{
    public RefreshTokensValidator() => RuleFor(x => x.RefreshToken).ValidRefreshToken();
}

public sealed class RefreshTokensHandler(IAppDbContext db, ITokenService tokens, IClock clock)
    : IRequestHandler<RefreshTokensCommand, RefreshOutcome>
{
    public async Task<RefreshOutcome> Handle(RefreshTokensCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var owner = await RefreshTokenOwner.FindAsync(db, tokens.HashRefreshToken(request.RefreshToken), cancellationToken);
        if (owner is null) return RefreshOutcome.Refused("The refresh token is not valid.");

        var session = owner.Session;
        if (owner.WasRotatedAway)
        {
            // Two parties hold tokens of this session (a leak or a replay), and we can't tell which is legitimate: end it for both.
            session.Revoke(now);
            return RefreshOutcome.Refused("The refresh token was already used; the session has been revoked.");
        }

        if (!session.IsActive(now)) return RefreshOutcome.Refused("The session has ended; sign in again.");

        var user = await db.Users.SingleAsync(u => u.Id == session.UserId, cancellationToken);
        var (refreshToken, refreshHash) = tokens.CreateRefreshToken();
        db.RetiredRefreshTokens.Add(new RetiredRefreshToken(session.RefreshTokenHash, session.Id, now));
        session.Rotate(refreshHash, now, now + tokens.RefreshTokenLifetime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // A concurrent refresh with the same token retired it first (the retired hash is a primary key).
            throw new UnauthorizedException("The refresh token was already used.");
        }

        var access = tokens.CreateAccessToken(user, session.Id);
        return RefreshOutcome.Issued(new TokenPair(access.Token, refreshToken, access.ExpiresAt));
    }
}
