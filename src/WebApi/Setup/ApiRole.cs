using CleanBackend.Infrastructure.Realtime;
using CleanBackend.WebApi.Endpoints;

namespace CleanBackend.WebApi.Setup;

/// <summary>
/// What a node with the <c>api</c> role serves on top of its health endpoints: REST, the hub, Swagger, and the static
/// pages (the demo client at /, the jobs dashboard at /admin/jobs).
/// </summary>
public static class ApiRole
{
    public static IServiceCollection AddApiRole(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services
            .AddApiErrors()
            .AddApiJson()
            .AddApiDocs()
            .AddApiCors(configuration, environment)
            .AddApiRateLimiting(configuration);

    public static WebApplication UseApiRole(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The demo client at / and the jobs dashboard at /admin/jobs: static pages calling the API (wwwroot).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.UseApiDocs();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapMediaEndpoints();
        app.MapPostEndpoints();
        app.MapFollowEndpoints();
        app.MapFeedEndpoints();
        app.MapNotificationEndpoints();
        app.MapRoomEndpoints();
        app.MapBroadcastEndpoints();
        // Closing at token expiry makes clients reconnect with a fresh token, so a logged-out session's connection ends too.
        app.MapHub<RealtimeHub>(RealtimeHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        app.MapJobsDashboardEndpoints();
        return app;
    }
}
