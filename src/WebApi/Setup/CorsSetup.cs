namespace CleanBackend.WebApi.Setup;

public static class CorsSetup
{
    /// <summary>Origins from <c>Cors:AllowedOrigins</c>; in Development also any http(s)://localhost origin.</summary>
    public static IServiceCollection AddApiCors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var allowed = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        return services.AddCors(o => o.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => allowed.Contains(origin, StringComparer.OrdinalIgnoreCase)
                || (environment.IsDevelopment() && Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback))
            .AllowAnyHeader()
            .AllowAnyMethod()
            // SignalR's negotiate request is sent with credentials by browsers.
            .AllowCredentials()
            .WithExposedHeaders("Retry-After", "Location")));
    }
}
