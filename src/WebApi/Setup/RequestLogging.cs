using System.Diagnostics;

namespace CleanBackend.WebApi.Setup;

public static class RequestLoggingSetup
{
    /// <summary>
    /// The framework's own "Request starting/finished" lines print the full URL, query string included, and a hub
    /// connection's query string carries its access_token. <see cref="RequestLogging"/> writes the request line
    /// instead, so those are held at Warning whatever level the configuration sets for Microsoft.AspNetCore.
    /// </summary>
    public static ILoggingBuilder KeepFrameworkRequestLinesOut(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
}

/// <summary>
/// One structured line per request. The query string is left out on purpose: it can carry an access_token.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Checked first: the log call boxes its arguments even when the level is off, on every request.
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }

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
