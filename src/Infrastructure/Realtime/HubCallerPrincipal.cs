using System.Security.Claims;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// The principal of the hub connection a scope serves (one scope per hub invocation), set by
/// <see cref="HubCallerFilter"/>. ICurrentUser prefers it to IHttpContextAccessor, which only sees the
/// connection's HTTP request on some transports and is not meant for hubs.
/// </summary>
public sealed class HubCallerPrincipal
{
    public ClaimsPrincipal? Principal { get; set; }
}
