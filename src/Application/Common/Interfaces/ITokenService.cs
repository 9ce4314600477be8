using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Common.Interfaces;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

public interface ITokenService
{
    AccessToken CreateAccessToken(User user, long sessionId);

    /// <summary>A new random refresh token (returned to the client once) and the hash that is stored.</summary>
    (string Token, string Hash) CreateRefreshToken();

    string HashRefreshToken(string refreshToken);

    TimeSpan RefreshTokenLifetime { get; }
}
