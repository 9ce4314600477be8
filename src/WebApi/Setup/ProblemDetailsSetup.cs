using System.Diagnostics;
using CleanBackend.WebApi.Errors;
using Microsoft.AspNetCore.Http.Json;

namespace CleanBackend.WebApi.Setup;

public static class ProblemDetailsSetup
{
    /// <summary>Every error body is ProblemDetails with a traceId, and binding failures throw so they get field messages.</summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
