using CleanBackend.Application.Common.Interfaces;

namespace CleanBackend.Infrastructure.IntegrationTests;

/// <summary>Nobody signed in: what a background job or an anonymous request looks like to the pipeline.</summary>
public sealed class AnonymousCaller : ICurrentUser
{
    public long? UserId => null;
    public long? SessionId => null;
    public string? UserName => null;
    public bool IsInRole(string role) => false;
    public string? UserAgent => null;
    public string? IpAddress => null;
}
