using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>
/// The signed-in user as a request keeps it: only the claims the application reads (subject, session, name, role)
/// in a plain identity. The identity the token handler builds holds on to the whole parsed token (its encoded parts
/// and every claim); a hub connection keeps its principal as long as it is open, so with thousands of connections
/// that copy of the token is kilobytes each, for nothing.
/// </summary>
public static class CompactPrincipal
{
    private static readonly HashSet<string> KeptClaims =
        [JwtRegisteredClaimNames.Sub, JwtTokenService.SessionClaim, JwtRegisteredClaimNames.Name, JwtTokenService.RoleClaim];

    public static ClaimsPrincipal From(ClaimsPrincipal validated)
    {
        var identity = new ClaimsIdentity(
            validated.Claims.Where(c => KeptClaims.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value)),
            validated.Identity?.AuthenticationType,
            JwtRegisteredClaimNames.Name,
            JwtTokenService.RoleClaim);
        return new ClaimsPrincipal(identity);
    }
}
