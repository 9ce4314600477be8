using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.Application.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Every <see cref="RedisBackplaneOptions.OnlineUsersHeartbeat"/>: keeps this node's online users and room presence
/// alive in Redis, and reaps nodes that died. Rooms then get the <c>presence</c> event (<c>online: false</c>) of each
/// user who was in them only through a dead node, which no hub could send since no connection closed. A node that
/// stops withdraws both at once.
/// </summary>
public sealed class PresenceHeartbeat(
    RedisOnlineUsers onlineUsers,
    RedisRoomPresence presence,
    IServiceScopeFactory scopes,
    IOptions<RedisBackplaneOptions> options,
    TimeProvider time,
    ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OnlineUsersHeartbeat, time);
        do
        {
            try
            {
                await onlineUsers.AnnounceAsync();
                await presence.AnnounceAsync();
                var departures = await presence.ReapDeadNodesAsync();
                if (departures.Count > 0) await AnnounceDeparturesAsync(departures, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The presence heartbeat failed; trying again at the next beat");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task AnnounceDeparturesAsync(IReadOnlyList<RoomDeparture> departures, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<IRealtimeNotifier>();
        var userIds = departures.Select(d => d.UserId).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new UserSummaryDto(u.Id, u.UserName, u.DisplayName))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        logger.LogInformation("{Count} room presence(s) ended with a node that stopped responding", departures.Count);
        foreach (var departure in departures)
        {
            if (users.TryGetValue(departure.UserId, out var user))
                await notifier.SendToGroupAsync(RoomGroups.Of(departure.RoomId), RealtimeEvents.Presence,
                    new PresencePayload(departure.RoomId, user, Online: false), cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await onlineUsers.WithdrawAsync();
        await presence.WithdrawAsync();
    }
}
