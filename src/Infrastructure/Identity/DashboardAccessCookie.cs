using Microsoft.AspNetCore.Http;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>
/// How a browser reaches the jobs dashboard at <see cref="Path"/>: a browser cannot put its access token in a header when
/// it follows a link, so an authenticated API call (POST /api/admin/jobs-dashboard/session) copies the token into this
/// cookie, which the bearer handler reads only there. HttpOnly (page scripts cannot read it), SameSite=Strict (no other
/// site's page can make the browser send it), scoped to the dashboard's path, and gone when the token expires.
/// </summary>
public static class DashboardAccessCookie
{
    public const string Name = "cleanbackend-jobs-dashboard";
    public const string Path = "/admin/jobs";

    /// <summary>The access token from the cookie, for a dashboard request that carries no Authorization header.</summary>
    public static string? TakeFrom(HttpRequest request) =>
        request.Path.StartsWithSegments(Path) && !request.Headers.ContainsKey("Authorization") ? request.Cookies[Name] : null;

    public static void Append(HttpResponse response, string accessToken, DateTimeOffset expires, bool secure) =>
        response.Cookies.Append(Name, accessToken, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Strict,
            Path = Path,
            Expires = expires,
        });
}
