using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure;
using CleanBackend.Infrastructure.Realtime;
using CleanBackend.WebApi.Endpoints;
using CleanBackend.WebApi.JobsDashboard;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Matching;

namespace CleanBackend.WebApi.Setup;

/// <summary>
/// What a node with the <c>api</c> role serves on top of its health endpoints: REST, the hub, Swagger, and the static
/// pages (the demo client at /) and Hangfire's jobs dashboard at /admin/jobs.
/// </summary>
public static class ApiRole
{
    public static IServiceCollection AddApiRole(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services
            .AddApiErrors()
            .AddApiJson()
            .AddApiDocs()
            .AddApiCors(configuration, environment)
            .AddApiRateLimiting(configuration)
            .AddShutdownDrain(configuration)
            .AddAuthorizationBuilder().AddPolicy(EndpointConventions.AdminPolicy, p => p.RequireRole(Roles.Admin)).Services
            .WithoutContentTypeRouting()
            .AddJobsDashboard();

    /// <summary>
    /// Routing's content-type matcher answers a body of the wrong content type with 415 while it picks the endpoint,
    /// before authorization, so a stranger learned what an admin operation reads. No two endpoints here share a route
    /// and differ by content type (what it is for), so it goes: each endpoint then answers 415 itself (JSON binding,
    /// or SingleFileUpload), after the caller has been checked.
    /// </summary>
    private static IServiceCollection WithoutContentTypeRouting(this IServiceCollection services)
    {
        foreach (var matcher in services.Where(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
            services.Remove(matcher);
        return services;
    }

    public static WebApplication UseApiRole(this WebApplication app)
    {
        app.UseMiddleware<RefuseWhileDraining>();
        // Not for WebSocket requests: such a request lasts as long as its hub connection, every middleware around it
        // keeps its state that long, and these two have no response to shape once the connection is upgraded.
        app.UseWhen(context => !IsConnectionUpgrade(context), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        // The demo client at /: static pages calling the API (wwwroot).
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
        // Closing at token expiry makes clients reconnect with a fresh token. A session that ends closes its connections
        // sooner (SessionRevocationOnThisNode, HubSessionCheck).
        app.MapHub<RealtimeHub>(RealtimeHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        app.MapJobsDashboard();
        return app;
    }

    private static IServiceCollection AddShutdownDrain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShutdownOptions>(configuration.GetSection(ShutdownOptions.Section));
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: [DependencyInjection.ReadyTag]);
        return services;
    }

    /// <summary>
    /// A request asking to become a WebSocket (HTTP/1.1 upgrade, HTTP/2 extended CONNECT). Read from the server's
    /// features: the WebSocket middleware that would answer IsWebSocketRequest runs later, inside the hub's endpoint.
    /// </summary>
    private static bool IsConnectionUpgrade(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
        || context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;
}
