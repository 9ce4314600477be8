namespace CleanBackend.Application.Common.Realtime;

/// <summary>
/// Who is connected to the hub and who is in which room, counted per connection: a user with two tabs stays
/// online (and in a room) until the last of them leaves. Written by the hub; read through <see cref="IOnlineUsers"/>
/// and the room queries. Several nodes need one shared store behind it.
/// </summary>
public interface IPresenceTracker
{
    Task UserConnectedAsync(long userId, string connectionId, CancellationToken cancellationToken = default);

    Task UserDisconnectedAsync(long userId, string connectionId, CancellationToken cancellationToken = default);

    /// <summary>True when this is the user's first connection in the room: they just came online there.</summary>
    Task<bool> JoinRoomAsync(long roomId, long userId, string connectionId, CancellationToken cancellationToken = default);

    /// <summary>True when it was the user's last connection in the room: they just went offline there.</summary>
    Task<bool> LeaveRoomAsync(long roomId, long userId, string connectionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyCollection<long>> GetRoomUserIdsAsync(long roomId, CancellationToken cancellationToken = default);
}
