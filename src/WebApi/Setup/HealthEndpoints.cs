using System.Text.Json;
using CleanBackend.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanBackend.WebApi.Setup;

public static class HealthEndpoints
{
    /// <summary>Adds the node's own report to <c>/health/ready</c>: its memory (the dependencies add their checks themselves).</summary>
    public static IServiceCollection AddHealthReporting(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ProcessMemoryHealthCheck>("memory", tags: [DependencyInjection.ReadyTag]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: its dependencies answer too.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(DependencyInjection.ReadyTag),
            ResponseWriter = WriteJson,
            // Degraded still serves traffic (REST works without realtime), so it stays 200.
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK },
        });
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, JsonSerializerOptions.Web));
    }
}
