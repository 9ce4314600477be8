using CleanBackend.Application.Common.Realtime;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// Presence kept in this process: right for one node. With the Redis backplane, RedisRoomPresence and
/// RedisOnlineUsers answer for the whole deployment instead, and RedisRoomPresence keeps one of these as the truth
/// about its own node's connections.
/// </summary>
public sealed class InMemoryPresence : IPresenceTracker, IOnlineUsers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, HashSet<string>> _connectionsByUser = [];
    private readonly Dictionary<long, Dictionary<long, HashSet<string>>> _roomConnectionsByUser = [];

    public Task UserConnectedAsync(long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        lock (_gate) Add(_connectionsByUser, userId, connectionId);
        return Task.CompletedTask;
    }

    public Task UserDisconnectedAsync(long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        lock (_gate) Remove(_connectionsByUser, userId, connectionId);
        return Task.CompletedTask;
    }

    public Task<bool> JoinRoomAsync(long roomId, long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_roomConnectionsByUser.TryGetValue(roomId, out var room)) _roomConnectionsByUser[roomId] = room = [];
            var wasPresent = room.ContainsKey(userId);
            Add(room, userId, connectionId);
            return Task.FromResult(!wasPresent);
        }
    }

    public Task<bool> LeaveRoomAsync(long roomId, long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_roomConnectionsByUser.TryGetValue(roomId, out var room)) return Task.FromResult(false);
            var wentAway = Remove(room, userId, connectionId);
            if (room.Count == 0) _roomConnectionsByUser.Remove(roomId);
            return Task.FromResult(wentAway);
        }
    }

    public Task<IReadOnlyCollection<long>> GetRoomUserIdsAsync(long roomId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyCollection<long> users = _roomConnectionsByUser.TryGetValue(roomId, out var room) ? room.Keys.ToList() : [];
            return Task.FromResult(users);
        }
    }

    /// <summary>True while the user has at least one connection in the room.</summary>
    public bool IsInRoom(long roomId, long userId)
    {
        lock (_gate) return _roomConnectionsByUser.TryGetValue(roomId, out var room) && room.ContainsKey(userId);
    }

    /// <summary>Every room with someone in it, and who.</summary>
    public IReadOnlyDictionary<long, long[]> RoomsSnapshot()
    {
        lock (_gate) return _roomConnectionsByUser.ToDictionary(room => room.Key, room => room.Value.Keys.ToArray());
    }

    public Task<IReadOnlyCollection<long>> GetOnlineUserIdsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyCollection<long>>(_connectionsByUser.Keys.ToList());
    }

    private static void Add(Dictionary<long, HashSet<string>> connectionsByUser, long userId, string connectionId)
    {
        if (!connectionsByUser.TryGetValue(userId, out var connections)) connectionsByUser[userId] = connections = [];
        connections.Add(connectionId);
    }

    /// <summary>True when the user's last connection was removed.</summary>
    private static bool Remove(Dictionary<long, HashSet<string>> connectionsByUser, long userId, string connectionId)
    {
        if (!connectionsByUser.TryGetValue(userId, out var connections) || !connections.Remove(connectionId)) return false;
        if (connections.Count > 0) return false;
        connectionsByUser.Remove(userId);
        return true;
    }
}
