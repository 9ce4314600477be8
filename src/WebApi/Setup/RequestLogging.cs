using System.Diagnostics;

namespace CleanBackend.WebApi.Setup;

/// <summary>
/// One structured line per request. The query string is left out on purpose: it can carry an access_token.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation("{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms traceId={TraceId}",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, Activity.Current?.Id ?? context.TraceIdentifier);
        }
    }
}
