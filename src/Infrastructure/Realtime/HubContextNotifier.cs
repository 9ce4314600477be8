using System.Globalization;
using CleanBackend.Application.Common.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// Pushes through the hub context, so the pushes go wherever the hub lifetime manager delivers them (this node,
/// or every node with a backplane). Failures are logged, not thrown: clients catch up over REST.
/// </summary>
public sealed class HubContextNotifier(IHubContext<RealtimeHub> hub, ILogger<HubContextNotifier> logger) : IRealtimeNotifier
{
    public Task SendToUsersAsync(IReadOnlyCollection<long> userIds, string eventName, object payload, CancellationToken cancellationToken = default) =>
        userIds.Count == 0 ? Task.CompletedTask : SendSafelyAsync(eventName, () => hub.Clients
            .Users(userIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList())
            .SendAsync(eventName, payload, cancellationToken));

    public Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken = default) =>
        SendSafelyAsync(eventName, () => hub.Clients.Group(group).SendAsync(eventName, payload, cancellationToken));

    public Task BroadcastAsync(string eventName, object payload, CancellationToken cancellationToken = default) =>
        SendSafelyAsync(eventName, () => hub.Clients.All.SendAsync(eventName, payload, cancellationToken));

    private async Task SendSafelyAsync(string eventName, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Push of {Event} failed; clients catch up over REST", eventName);
        }
    }
}
