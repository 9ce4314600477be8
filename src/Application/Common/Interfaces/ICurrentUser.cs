namespace CleanBackend.Application.Common.Interfaces;

/// <summary>Who is calling: from the bearer token of an HTTP request or of a hub connection.</summary>
public interface ICurrentUser
{
    long? UserId { get; }
    long? SessionId { get; }
    string? UserName { get; }
    bool IsInRole(string role);
    string? UserAgent { get; }
    string? IpAddress { get; }

    /// <summary>The caller's id; throws <see cref="Exceptions.UnauthorizedException"/> when nobody is signed in.</summary>
    long RequiredUserId => UserId ?? throw new Exceptions.UnauthorizedException();
}
