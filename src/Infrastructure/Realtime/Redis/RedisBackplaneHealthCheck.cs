using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Degraded, not unhealthy, without Redis: the node still serves REST and its own hub clients; only messages
/// between nodes are lost until Redis returns.
/// </summary>
public sealed class RedisBackplaneHealthCheck(RedisBackplaneConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Connecting starts at the first use; asking must not wait for it (the connect timeout is seconds long).
        redis.StartConnecting();
        return Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy("The Redis backplane is connected.")
            : HealthCheckResult.Degraded("Redis is unreachable: realtime messages between nodes are dropped until it returns."));
    }
}
