using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Degraded, not unhealthy, without Redis: the node still serves REST; only realtime pushes are lost until Redis
/// returns (clients catch up over REST).
/// </summary>
public sealed class RedisBackplaneHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.Multiplexer.IsConnected
            ? HealthCheckResult.Healthy("Redis is connected.")
            : HealthCheckResult.Degraded("Redis is unreachable: realtime pushes are dropped until it returns."));
}
