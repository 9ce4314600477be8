using CleanBackend.Infrastructure.Identity;
using CleanBackend.WebApi.Endpoints;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CleanBackend.WebApi.JobsDashboard;

/// <summary>
/// Hangfire's dashboard at /admin/jobs, for admins: 401 without a valid token, 403 for a signed-in non-admin. Scripts
/// send <c>Authorization: Bearer</c>; browsers get in through <see cref="DashboardAccessCookie"/>. Its state-changing
/// actions (retry, delete, trigger) are POSTs that Hangfire checks against ASP.NET Core's antiforgery token.
/// </summary>
public static class JobsDashboardSetup
{
    public const string Path = DashboardAccessCookie.Path;

    public static IServiceCollection AddJobsDashboard(this IServiceCollection services)
    {
        // Hangfire validates its POSTs with IAntiforgery when one is registered (DashboardOptions.IgnoreAntiforgeryToken is false).
        services.AddAntiforgery();
        return services;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        DurationsPage.Register();
        app.MapHangfireDashboardWithAuthorizationPolicy(EndpointConventions.AdminPolicy, Path, new DashboardOptions
        {
            DashboardTitle = "CleanBackend jobs",
            // "Back to site" leads to the demo client.
            AppPath = "/",
            DisplayStorageConnectionString = false,
            // The authorization policy decides; Hangfire's default filter would also admit local requests only.
            Authorization = [],
            AsyncAuthorization = [],
        });

        app.MapPost("/api/admin/jobs-dashboard/session", OpenBrowserSession)
            .WithTags("Admin: jobs")
            .WithName("openJobsDashboardSession")
            .WithSummary("Lets this browser open the jobs dashboard at /admin/jobs: sets an HttpOnly cookie holding the caller's access token, valid as long as the token")
            .WithProblems().RequiresAdmin();
        return app;
    }

    private static NoContent OpenBrowserSession(HttpContext http)
    {
        // The policy admitted the request, so it carries a valid bearer token.
        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        DashboardAccessCookie.Append(http.Response, token, new JsonWebToken(token).ValidTo, http.Request.IsHttps);
        return TypedResults.NoContent();
    }

    /// <summary>Hangfire's routes and menu are process-wide: the page is added once however many hosts start (as in tests).</summary>
    private static class DurationsPage
    {
        static DurationsPage()
        {
            DashboardRoutes.Routes.AddRazorPage(JobDurationsPage.Route, _ => new JobDurationsPage());
            NavigationMenu.Items.Add(page => new MenuItem(JobDurationsPage.Title, page.Url.To(JobDurationsPage.Route))
            {
                Active = page.RequestPath.StartsWith(JobDurationsPage.Route, StringComparison.Ordinal),
            });
        }

        public static void Register() { }
    }
}
