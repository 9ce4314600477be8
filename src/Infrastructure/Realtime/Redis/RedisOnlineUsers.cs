using CleanBackend.Application.Common.Realtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Online users across nodes. Each node keeps a Redis set of its online user ids (<c>{prefix}:online:node:{node}</c>)
/// that expires unless the node re-announces it, and lists itself in a sorted set of live nodes scored by that
/// expiry (<c>{prefix}:online:nodes</c>). A node that dies simply stops announcing: its users drop out within
/// three heartbeats, and no other node has to clean up after it.
/// </summary>
public sealed class RedisOnlineUsers : IOnlineUsers
{
    private readonly RedisConnection _redis;
    private readonly RedisNode _node;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisOnlineUsers> _logger;
    private readonly OnlineUserCounts _local = new();
    private readonly TimeSpan _ttl;
    private readonly RedisKey _nodesKey;
    private readonly RedisKey _nodeKey;
    private readonly string _nodeKeyPrefix;

    // One write at a time, each writing the current local truth: a stale write can never land after a fresh one.
    private readonly SemaphoreSlim _writes = new(1, 1);

    public RedisOnlineUsers(RedisConnection redis, RedisNode node, IOptions<RedisBackplaneOptions> options, TimeProvider time, ILogger<RedisOnlineUsers> logger)
    {
        _redis = redis;
        _node = node;
        _time = time;
        _logger = logger;
        _ttl = options.Value.OnlineUsersHeartbeat * 3;
        _nodesKey = $"{options.Value.ChannelPrefix}:online:nodes";
        _nodeKeyPrefix = $"{options.Value.ChannelPrefix}:online:node:";
        _nodeKey = _nodeKeyPrefix + node.Name;
    }

    public async Task<IReadOnlyCollection<long>> GetOnlineUserIdsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var database = _redis.Database;
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var nodes = await database.SortedSetRangeByScoreAsync(_nodesKey, now, double.PositiveInfinity, Exclude.Start);
            if (nodes.Length == 0) return ParseIds(_local.Snapshot());
            var keys = nodes.Select(name => (RedisKey)(_nodeKeyPrefix + (string?)name)).ToArray();
            var members = await database.SetCombineAsync(SetOperation.Union, keys);
            return ParseIds(members.Select(m => (string?)m));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without Redis the best answer is this node's own users; callers only use it to skip offline pushes.
            _logger.LogWarning(ex, "Online users could not be read from Redis; answering with this node's users only");
            return ParseIds(_local.Snapshot());
        }
    }

    /// <summary>A hub connection of the user opened on this node.</summary>
    public Task UserConnectedAsync(string userId)
    {
        _local.Connected(userId);
        return WriteUserAsync(userId);
    }

    /// <summary>A hub connection of the user closed on this node.</summary>
    public Task UserDisconnectedAsync(string userId)
    {
        _local.Disconnected(userId);
        return WriteUserAsync(userId);
    }

    /// <summary>Rewrites this node's set from local truth and renews its expiry (the heartbeat).</summary>
    public Task AnnounceAsync() => WriteAsync(transaction =>
    {
        var users = _local.Snapshot();
        _ = transaction.KeyDeleteAsync(_nodeKey);
        if (users.Length > 0) _ = transaction.SetAddAsync(_nodeKey, users.Select(u => (RedisValue)u).ToArray());
        RenewNode(transaction);
        _ = transaction.SortedSetRemoveRangeByScoreAsync(_nodesKey, double.NegativeInfinity, _time.GetUtcNow().ToUnixTimeMilliseconds());
    });

    /// <summary>A node shutting down takes its users offline at once instead of waiting for them to expire.</summary>
    public Task WithdrawAsync() => WriteAsync(transaction =>
    {
        _ = transaction.KeyDeleteAsync(_nodeKey);
        _ = transaction.SortedSetRemoveAsync(_nodesKey, _node.Name);
    });

    private Task WriteUserAsync(string userId) => WriteAsync(transaction =>
    {
        _ = _local.IsOnline(userId) ? transaction.SetAddAsync(_nodeKey, userId) : transaction.SetRemoveAsync(_nodeKey, userId);
        RenewNode(transaction);
    });

    private void RenewNode(ITransaction transaction)
    {
        _ = transaction.KeyExpireAsync(_nodeKey, _ttl);
        _ = transaction.SortedSetAddAsync(_nodesKey, _node.Name, (_time.GetUtcNow() + _ttl).ToUnixTimeMilliseconds());
    }

    private async Task WriteAsync(Action<ITransaction> commands)
    {
        var multiplexer = _redis.Multiplexer;
        if (!multiplexer.IsConnected) return; // the first heartbeat after Redis returns rewrites everything
        await _writes.WaitAsync();
        try
        {
            var transaction = multiplexer.GetDatabase().CreateTransaction();
            commands(transaction);
            await transaction.ExecuteAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogDebug(ex, "Writing online users to Redis failed; the next heartbeat repairs it");
        }
        finally
        {
            _writes.Release();
        }
    }

    private static long[] ParseIds(IEnumerable<string?> values) =>
        values.Select(v => long.TryParse(v, out var id) ? id : (long?)null).OfType<long>().Distinct().ToArray();
}
