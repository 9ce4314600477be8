using CleanBackend.Infrastructure.Identity;
using CleanBackend.Infrastructure.Jobs;
using CleanBackend.WebApi.Endpoints;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CleanBackend.WebApi.JobsDashboard;

/// <summary>
/// Hangfire's dashboard at /admin/jobs, for admins: 401 without a valid token, 403 for a signed-in non-admin. Scripts
/// send <c>Authorization: Bearer</c>; browsers get in through <see cref="DashboardAccessCookie"/>. Its state-changing
/// actions (retry, delete, trigger, and our pause and resume) are POSTs that Hangfire checks against ASP.NET Core's
/// antiforgery token.
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
        PagesOfOurs.Register();
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

    /// <summary>
    /// The pages Hangfire lacks (<see cref="JobDurationsPage"/>, <see cref="RecurringSchedulesPage"/> and its commands),
    /// in its navigation. Hangfire's routes and menu are process-wide: they are added once however many hosts start (as in tests).
    /// </summary>
    private static class PagesOfOurs
    {
        static PagesOfOurs()
        {
            AddPage(JobDurationsPage.Route, JobDurationsPage.Title, () => new JobDurationsPage());
            AddPage(RecurringSchedulesPage.Route, RecurringSchedulesPage.Title, () => new RecurringSchedulesPage());
            // POSTs, checked by Hangfire against the antiforgery token like its own; 204 done, 422 no such recurring job,
            // or a resume refused because its configured cron is invalid (the node's log names the setting).
            AddRecurringJobCommand(RecurringSchedulesPage.PauseRoute, (recurringJobs, name) => recurringJobs.Pause(name));
            AddRecurringJobCommand(RecurringSchedulesPage.ResumeRoute, (recurringJobs, name) => recurringJobs.Resume(name));
        }

        public static void Register() { }

        private static void AddPage(string route, string title, Func<RazorPage> page)
        {
            DashboardRoutes.Routes.AddRazorPage(route, _ => page());
            NavigationMenu.Items.Add(current => new MenuItem(title, current.Url.To(route))
            {
                Active = current.RequestPath.StartsWith(route, StringComparison.Ordinal),
            });
        }

        private static void AddRecurringJobCommand(string route, Func<RecurringJobs, string, bool> command) =>
            DashboardRoutes.Routes.AddCommand(route, context =>
            {
                var services = context.GetHttpContext().RequestServices;
                try
                {
                    return command(services.GetRequiredService<RecurringJobs>(), context.UriMatch.Groups["name"].Value);
                }
                catch (InvalidOperationException invalidSchedule)
                {
                    services.GetRequiredService<ILogger<RecurringSchedulesPage>>().LogError(invalidSchedule, "Recurring job schedule refused");
                    return false;
                }
            });
    }
}
