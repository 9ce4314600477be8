using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Users;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Auth;

/// <summary>The session a presented refresh token belongs to, and whether the token was already rotated away.</summary>
public sealed record RefreshTokenOwner(UserSession Session, bool WasRotatedAway)
{
    /// <summary>Issued tokens are 43 characters; anything much longer is not one of ours.</summary>
    public const int MaxTokenLength = 100;

    public static async Task<RefreshTokenOwner?> FindAsync(IAppDbContext db, string tokenHash, CancellationToken cancellationToken)
    {
        var current = await db.UserSessions.SingleOrDefaultAsync(s => s.RefreshTokenHash == tokenHash, cancellationToken);
        if (current is not null) return new RefreshTokenOwner(current, WasRotatedAway: false);

        var rotated = await db.UserSessions
            .Where(s => db.RetiredRefreshTokens.Any(r => r.TokenHash == tokenHash && r.SessionId == s.Id))
            .SingleOrDefaultAsync(cancellationToken);
        return rotated is null ? null : new RefreshTokenOwner(rotated, WasRotatedAway: true);
    }
}

public static class RefreshTokenRules
{
    public static IRuleBuilderOptions<T, string> ValidRefreshToken<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(RefreshTokenOwner.MaxTokenLength);
}
