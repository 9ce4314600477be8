namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// The Lua scripts behind <see cref="RedisRoomPresence"/>. Each runs atomically in Redis, so what one node decides
/// (first in the room? last to leave?) can never interleave with another node's change. They name other nodes'
/// keys from the live-node list they read, so they need a single Redis server (not Redis Cluster), which is what
/// the backplane's pub/sub assumes too.
/// Keys: <c>{p}nodes</c> (sorted set, node -> expiry in Unix ms), <c>{p}node:{node}:rooms</c> (set of room ids),
/// <c>{p}node:{node}:room:{roomId}</c> (set of user ids), where <c>{p}</c> is <c>{ChannelPrefix}:presence:</c>.
/// </summary>
public static class RoomPresenceScripts
{
    /// <summary>
    /// Writes whether this node has the user in the room, renews this node, and returns 1 when another live node
    /// has the user in the room too, else 0.
    /// KEYS: live nodes, this node's room set, this node's room list.
    /// ARGV: user id, "1" present or "0" absent, room id, now (ms), this node, its expiry (ms), data TTL (ms), node key prefix.
    /// </summary>
    public const string WriteMembership = """
        redis.call('ZADD', KEYS[1], ARGV[6], ARGV[5])
        if ARGV[2] == '1' then
          redis.call('SADD', KEYS[2], ARGV[1])
          redis.call('PEXPIRE', KEYS[2], ARGV[7])
          redis.call('SADD', KEYS[3], ARGV[3])
          redis.call('PEXPIRE', KEYS[3], ARGV[7])
        else
          redis.call('SREM', KEYS[2], ARGV[1])
        end
        for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[4], '+inf')) do
          if node ~= ARGV[5] and redis.call('SISMEMBER', ARGV[8] .. node .. ':room:' .. ARGV[3], ARGV[1]) == 1 then
            return 1
          end
        end
        return 0
        """;

    /// <summary>
    /// The user ids in the room on every live node.
    /// KEYS: live nodes. ARGV: now (ms), node key prefix, room id.
    /// </summary>
    public const string RoomUsers = """
        local keys = {}
        for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')) do
          keys[#keys + 1] = ARGV[2] .. node .. ':room:' .. ARGV[3]
        end
        if #keys == 0 then return {} end
        return redis.call('SUNION', unpack(keys))
        """;

    /// <summary>
    /// Claims every node whose expiry has passed (removing it from the live nodes, so exactly one caller gets it),
    /// deletes its presence, and returns room id, user id, room id, user id, ... for each user no live node has in
    /// that room any more: they left the room with their node.
    /// KEYS: live nodes. ARGV: now (ms), node key prefix.
    /// </summary>
    public const string ReapDeadNodes = """
        local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if #dead == 0 then return {} end
        redis.call('ZREM', KEYS[1], unpack(dead))
        local live = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')
        local gone = {}
        for _, node in ipairs(dead) do
          local roomsKey = ARGV[2] .. node .. ':rooms'
          for _, room in ipairs(redis.call('SMEMBERS', roomsKey)) do
            local roomKey = ARGV[2] .. node .. ':room:' .. room
            for _, user in ipairs(redis.call('SMEMBERS', roomKey)) do
              local elsewhere = false
              for _, other in ipairs(live) do
                if redis.call('SISMEMBER', ARGV[2] .. other .. ':room:' .. room, user) == 1 then
                  elsewhere = true
                  break
                end
              end
              if not elsewhere then
                gone[#gone + 1] = room
                gone[#gone + 1] = user
              end
            end
            redis.call('DEL', roomKey)
          end
          redis.call('DEL', roomsKey)
        end
        return gone
        """;
}
