using CleanBackend.Infrastructure.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// Every <see cref="RealtimeOptions.SessionCheckInterval"/> (api nodes): closes this node's hub connections whose session
/// ended since they connected. A sign-out closes the connections of the node that handled it at once
/// (<see cref="SessionRevocationOnThisNode"/>); this covers the other nodes, and sessions that expired. It asks the database,
/// not Redis, so it also works with the in-process hub and while Redis is down.
/// </summary>
public sealed class HubSessionCheck(HubConnectionsBySession connections, ActiveSessionCache sessions, IOptions<RealtimeOptions> options,
    ILogger<HubSessionCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SessionCheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseEndedSessionsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Checking the sessions of hub connections failed; trying again at the next check");
            }
        }
    }

    private async Task CloseEndedSessionsAsync(CancellationToken cancellationToken)
    {
        var connected = connections.SessionIds();
        if (connected.Count == 0) return;

        var active = await sessions.ActiveAmongAsync(connected, cancellationToken);
        var ended = connected.Where(id => !active.Contains(id)).ToHashSet();
        if (ended.Count == 0) return;

        var closed = connections.Close(ended);
        logger.LogInformation("Closed {Count} hub connection(s) of {Sessions} session(s) that were signed out or expired since they connected",
            closed, ended.Count);
    }
}
