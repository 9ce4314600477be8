using System.Security.Claims;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Infrastructure.Identity;
using CleanBackend.Infrastructure.Realtime;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CleanBackend.WebApi.Setup;

/// <summary>The caller as the bearer token describes it (HTTP requests and hub connections alike).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, HubCallerPrincipal hubCaller) : ICurrentUser
{
    private ClaimsPrincipal? Principal => hubCaller.Principal ?? accessor.HttpContext?.User;

    public long? UserId => ReadLong(JwtRegisteredClaimNames.Sub);
    public long? SessionId => ReadLong(JwtTokenService.SessionClaim);
    public string? UserName => Principal?.FindFirst(JwtRegisteredClaimNames.Name)?.Value;
    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private long? ReadLong(string claim) =>
        Principal?.Identity?.IsAuthenticated == true && long.TryParse(Principal.FindFirst(claim)?.Value, out var value) ? value : null;
}
