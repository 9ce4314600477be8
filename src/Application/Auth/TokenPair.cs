namespace CleanBackend.Application.Auth;

public sealed record TokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
