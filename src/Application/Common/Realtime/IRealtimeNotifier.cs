namespace CleanBackend.Application.Common.Realtime;

/// <summary>
/// Pushes an event to connected clients, on whichever node holds their connections. Best effort: a client
/// that misses a push catches up over REST, so failures are logged, not thrown.
/// </summary>
public interface IRealtimeNotifier
{
    Task SendToUsersAsync(IReadOnlyCollection<long> userIds, string eventName, object payload, CancellationToken cancellationToken = default);

    /// <summary>A room or other named group of connections.</summary>
    Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken = default);

    Task BroadcastAsync(string eventName, object payload, CancellationToken cancellationToken = default);
}
