namespace CleanBackend.Infrastructure.Identity;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string Issuer = "cleanbackend";

    /// <summary>HMAC key for access tokens, at least 32 bytes. Development generates one in the data folder.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;
}
