using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanBackend.WebApi.Setup;

/// <summary>
/// Always Healthy: it only reports the node's memory in /health/ready, what an operator (and build/soak.sh) watches for
/// growth over days of uptime without attaching a tool: the managed heap after the last collection and the resident set.
/// </summary>
public sealed class ProcessMemoryHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var process = Process.GetCurrentProcess();
        return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object>
        {
            ["managedHeapBytes"] = GC.GetGCMemoryInfo().HeapSizeBytes,
            ["workingSetBytes"] = process.WorkingSet64,
        }));
    }
}
