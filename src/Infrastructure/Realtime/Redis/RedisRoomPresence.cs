using System.Globalization;
using CleanBackend.Application.Common.Realtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Room presence across nodes. Each node keeps the truth about its own connections in memory and mirrors, per room,
/// the set of users it has there in Redis (layout in <see cref="RoomPresenceScripts"/>). Whether a join or a leave
/// changes a user's presence in a room is decided in Redis by one atomic script that writes this node's part and
/// looks at every live node's, so two nodes never both announce, or both miss, the same arrival or departure.
/// Like <see cref="RedisOnlineUsers"/>, a node's data expires unless its heartbeat renews it: a node that dies
/// counts as gone after three heartbeats, and the first live node to notice (<see cref="ReapDeadNodesAsync"/>)
/// deletes its data and learns which users left rooms with it. Without Redis, this node answers from its own
/// connections.
/// </summary>
public sealed class RedisRoomPresence : IPresenceTracker
{
    private readonly InMemoryPresence _local = new();
    private readonly RedisConnection _redis;
    private readonly RedisOnlineUsers _onlineUsers;
    private readonly RedisNode _node;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisRoomPresence> _logger;
    private readonly TimeSpan _liveness;
    private readonly TimeSpan _dataTtl;
    private readonly RedisKey _nodesKey;
    private readonly string _nodeKeyPrefix;

    // One write at a time, each from local truth read inside the lock: a stale write can never land after a fresh one.
    private readonly SemaphoreSlim _writes = new(1, 1);

    public RedisRoomPresence(RedisConnection redis, RedisOnlineUsers onlineUsers, RedisNode node, IOptions<RedisBackplaneOptions> options, TimeProvider time,
        ILogger<RedisRoomPresence> logger)
    {
        _redis = redis;
        _onlineUsers = onlineUsers;
        _node = node;
        _time = time;
        _logger = logger;
        _liveness = options.Value.OnlineUsersHeartbeat * 3;
        // Longer than the liveness, so the node that reaps a dead node can still read what it had.
        _dataTtl = _liveness * 2;
        _nodesKey = $"{options.Value.ChannelPrefix}:presence:nodes";
        _nodeKeyPrefix = $"{options.Value.ChannelPrefix}:presence:node:";
    }

    /// <summary>A hub connection opened on this node: the user is online (<see cref="RedisOnlineUsers"/>).</summary>
    public async Task UserConnectedAsync(long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        await _local.UserConnectedAsync(userId, connectionId, cancellationToken);
        await _onlineUsers.UserConnectedAsync(userId.ToString(CultureInfo.InvariantCulture));
    }

    public async Task UserDisconnectedAsync(long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        await _local.UserDisconnectedAsync(userId, connectionId, cancellationToken);
        await _onlineUsers.UserDisconnectedAsync(userId.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<bool> JoinRoomAsync(long roomId, long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        var firstHere = await _local.JoinRoomAsync(roomId, userId, connectionId, cancellationToken);
        return firstHere && !await WriteMembershipAsync(roomId, userId);
    }

    public async Task<bool> LeaveRoomAsync(long roomId, long userId, string connectionId, CancellationToken cancellationToken = default)
    {
        var lastHere = await _local.LeaveRoomAsync(roomId, userId, connectionId, cancellationToken);
        return lastHere && !await WriteMembershipAsync(roomId, userId);
    }

    public async Task<IReadOnlyCollection<long>> GetRoomUserIdsAsync(long roomId, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _redis.Database.ScriptEvaluateAsync(RoomPresenceScripts.RoomUsers, [_nodesKey], [NowMs(), _nodeKeyPrefix, roomId]);
            // This node's own users count even if Redis lost them (restarted) and no heartbeat rewrote them yet.
            return ParseIds((RedisValue[])result!).Union(await _local.GetRoomUserIdsAsync(roomId, cancellationToken)).ToList();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Room presence could not be read from Redis; answering with this node's connections only");
            return await _local.GetRoomUserIdsAsync(roomId, cancellationToken);
        }
    }

    /// <summary>Rewrites this node's rooms from local truth and renews them and the node (the heartbeat).</summary>
    public Task AnnounceAsync() => WriteAsync(async database =>
    {
        var rooms = _local.RoomsSnapshot();
        var transaction = database.CreateTransaction();
        var roomsKey = RoomsKey(_node.Name);
        _ = transaction.KeyDeleteAsync(roomsKey);
        foreach (var (roomId, users) in rooms)
        {
            var roomKey = RoomKey(_node.Name, roomId);
            _ = transaction.KeyDeleteAsync(roomKey);
            _ = transaction.SetAddAsync(roomKey, users.Select(u => (RedisValue)u).ToArray());
            _ = transaction.KeyExpireAsync(roomKey, _dataTtl);
        }
        if (rooms.Count > 0)
        {
            _ = transaction.SetAddAsync(roomsKey, rooms.Keys.Select(r => (RedisValue)r).ToArray());
            _ = transaction.KeyExpireAsync(roomsKey, _dataTtl);
        }
        _ = transaction.SortedSetAddAsync(_nodesKey, _node.Name, ExpiryMs());
        await transaction.ExecuteAsync();
        return true;
    }, fallback: true);

    /// <summary>
    /// Removes the nodes that stopped renewing (only one live node gets each) and returns the users who were in a
    /// room only through them: they went offline there without anyone announcing it.
    /// </summary>
    public async Task<IReadOnlyList<RoomDeparture>> ReapDeadNodesAsync()
    {
        try
        {
            var multiplexer = _redis.Multiplexer;
            if (!multiplexer.IsConnected) return [];
            var result = await multiplexer.GetDatabase().ScriptEvaluateAsync(RoomPresenceScripts.ReapDeadNodes, [_nodesKey], [NowMs(), _nodeKeyPrefix]);
            var pairs = (RedisValue[])result!;
            var departures = new HashSet<RoomDeparture>();
            for (var i = 0; i + 1 < pairs.Length; i += 2)
            {
                if (TryParseId(pairs[i], out var roomId) && TryParseId(pairs[i + 1], out var userId))
                    departures.Add(new RoomDeparture(roomId, userId));
            }
            // A user on two dead nodes in one room is reported once per node: the set keeps one.
            return [.. departures];
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogDebug(ex, "Reaping dead nodes' room presence failed; the next heartbeat tries again");
            return [];
        }
    }

    /// <summary>A node shutting down removes its rooms at once instead of waiting for them to expire.</summary>
    public Task WithdrawAsync() => WriteAsync(async database =>
    {
        var transaction = database.CreateTransaction();
        foreach (var roomId in _local.RoomsSnapshot().Keys) _ = transaction.KeyDeleteAsync(RoomKey(_node.Name, roomId));
        _ = transaction.KeyDeleteAsync(RoomsKey(_node.Name));
        _ = transaction.SortedSetRemoveAsync(_nodesKey, _node.Name);
        await transaction.ExecuteAsync();
        return true;
    }, fallback: true);

    /// <summary>Writes this node's membership of the user in the room; true when another live node has them there.</summary>
    private Task<bool> WriteMembershipAsync(long roomId, long userId) => WriteAsync(async database =>
    {
        var present = _local.IsInRoom(roomId, userId);
        var result = await database.ScriptEvaluateAsync(RoomPresenceScripts.WriteMembership,
            [_nodesKey, RoomKey(_node.Name, roomId), RoomsKey(_node.Name)],
            [userId, present ? 1 : 0, roomId, NowMs(), _node.Name, ExpiryMs(), (long)_dataTtl.TotalMilliseconds, _nodeKeyPrefix]);
        return (long)result == 1;
    }, fallback: false);

    /// <summary>Runs a write alone; without Redis, or when it fails, answers <paramref name="fallback"/> (the heartbeat repairs).</summary>
    private async Task<bool> WriteAsync(Func<IDatabase, Task<bool>> write, bool fallback)
    {
        var multiplexer = _redis.Multiplexer;
        if (!multiplexer.IsConnected) return fallback;
        await _writes.WaitAsync();
        try
        {
            return await write(multiplexer.GetDatabase());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogDebug(ex, "Writing room presence to Redis failed; the next heartbeat repairs it");
            return fallback;
        }
        finally
        {
            _writes.Release();
        }
    }

    private RedisKey RoomsKey(string node) => _nodeKeyPrefix + node + ":rooms";

    private RedisKey RoomKey(string node, long roomId) => _nodeKeyPrefix + node + ":room:" + roomId.ToString(CultureInfo.InvariantCulture);

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private long ExpiryMs() => (_time.GetUtcNow() + _liveness).ToUnixTimeMilliseconds();

    private static IEnumerable<long> ParseIds(RedisValue[] values) =>
        values.Select(v => TryParseId(v, out var id) ? id : (long?)null).OfType<long>();

    private static bool TryParseId(RedisValue value, out long id) =>
        long.TryParse((string?)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out id);
}

/// <summary>A user who was in a room only through a node that died.</summary>
public readonly record struct RoomDeparture(long RoomId, long UserId);
