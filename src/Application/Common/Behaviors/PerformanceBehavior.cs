using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanBackend.Application.Common.Behaviors;

/// <summary>Warns about requests slower than <see cref="PipelineOptions.SlowRequestThresholdMs"/>.</summary>
/// <remarks>Timed with <see cref="TimeProvider"/> timestamps (a monotonic stopwatch in production) so tests can control elapsed time.</remarks>
public sealed class PerformanceBehavior<TRequest, TResponse>(ILogger<TRequest> logger, IOptions<PipelineOptions> options, TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = time.GetTimestamp();
        var response = await next();
        var elapsed = time.GetElapsedTime(started);
        if (elapsed.TotalMilliseconds > options.Value.SlowRequestThresholdMs)
        {
            logger.LogWarning("Slow request {RequestName} took {ElapsedMs} ms", typeof(TRequest).Name, (long)elapsed.TotalMilliseconds);
        }
        return response;
    }
}
