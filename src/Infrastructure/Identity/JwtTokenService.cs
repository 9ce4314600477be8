using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CleanBackend.Infrastructure.Identity;

public sealed class JwtTokenService(SymmetricSecurityKey signingKey, IOptions<AuthOptions> options, TimeProvider time) : ITokenService
{
    public const string SessionClaim = "sid";
    public const string RoleClaim = "role";
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The session an access token was issued for (its <c>sid</c> claim), or null without a readable one.</summary>
    public static long? SessionIdOf(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(SessionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId)
            ? sessionId
            : null;

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);

    public AccessToken CreateAccessToken(User user, long sessionId)
    {
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.AccessTokenMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(SessionClaim, sessionId.ToString()),
                new Claim(JwtRegisteredClaimNames.Name, user.UserName),
                new Claim(RoleClaim, user.Role),
            ]),
        });
        return new AccessToken(token, expires);
    }

    public (string Token, string Hash) CreateRefreshToken()
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (token, HashRefreshToken(token));
    }

    /// <summary>SHA-256 is enough here: the token is 256 random bits, so there is nothing to brute-force.</summary>
    public string HashRefreshToken(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = AuthOptions.Issuer,
        ValidAudience = AuthOptions.Issuer,
        IssuerSigningKey = signingKey,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtRegisteredClaimNames.Name,
        RoleClaimType = RoleClaim,
    };
}
