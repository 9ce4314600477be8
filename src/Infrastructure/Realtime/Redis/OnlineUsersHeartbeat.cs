using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>Keeps this node's online users alive in Redis, and withdraws them when the node stops.</summary>
public sealed class OnlineUsersHeartbeat(
    RedisOnlineUsers onlineUsers,
    IOptions<RedisBackplaneOptions> options,
    TimeProvider time,
    ILogger<OnlineUsersHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OnlineUsersHeartbeat, time);
        do
        {
            try
            {
                await onlineUsers.AnnounceAsync();
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Announcing online users failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await onlineUsers.WithdrawAsync();
    }
}
