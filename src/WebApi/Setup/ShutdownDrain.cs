using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CleanBackend.WebApi.Setup;

/// <summary>Configuration section <c>Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long an api node keeps its port open after SIGTERM, refusing new requests with a 503 that nginx retries on
    /// another node, before it stops listening (see <see cref="ShutdownDrain"/>). Long enough for nginx to see the
    /// refusals and route elsewhere; 0 stops at once (Development).
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The first step of a graceful stop. On SIGTERM the host fires ApplicationStopping (the hub closes its connections,
/// clients reconnect elsewhere) and then, before any hosted service stops, <see cref="StoppingAsync"/>: from then on
/// the node answers every new request with a 503 and <c>Connection: close</c> (<see cref="RefuseWhileDraining"/>),
/// which tells nginx the request was not processed, so it passes it, a POST included, to another node; in-flight
/// requests finish. Closing the port at once instead would race nginx's kept-alive connections: a request written
/// onto a connection the node is closing fails in a way nginx must not retry for a POST.
/// After the delay Kestrel stops as usual: it waits for requests still running, then the jobs stop.
/// </summary>
public sealed class ShutdownDrain(IOptions<ShutdownOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var delay = options.Value.DrainDelay;
        if (delay <= TimeSpan.Zero) return;
        logger.LogInformation("Draining: refusing new requests for {Seconds:0.#} s before stopping", delay.TotalSeconds);
        await Task.Delay(delay, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>While the node drains, every request but the health probes gets a 503 problem and a closed connection.</summary>
public sealed class RefuseWhileDraining(RequestDelegate next, ShutdownDrain drain, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!drain.IsDraining || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.Connection = "close";
        context.Response.Headers.RetryAfter = "1";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 503, Title = "Service Unavailable", Detail = "This node is shutting down; another node will answer." },
        });
    }
}

/// <summary>Tagged ready: a draining node reports Unhealthy, so whatever watches /health/ready stops sending to it.</summary>
public sealed class ShutdownHealthCheck(ShutdownDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining ? HealthCheckResult.Unhealthy("This node is shutting down.") : HealthCheckResult.Healthy());
}
