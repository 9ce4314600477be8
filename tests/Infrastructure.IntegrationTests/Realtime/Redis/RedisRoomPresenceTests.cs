using CleanBackend.Infrastructure.Realtime.Redis;
using CleanBackend.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>Room presence shared by "nodes" (instances with a node name each) over the test Redis.</summary>
public sealed class RedisRoomPresenceTests : IAsyncLifetime
{
    private const long Room = 1;
    private readonly string _prefix = "presence-test-" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<RedisConnection> _connections = [];

    [Fact]
    public async Task A_user_on_two_nodes_comes_online_in_a_room_with_the_first_connection_and_leaves_with_the_last()
    {
        var node1 = Node();
        var node2 = Node();

        Assert.True(await node1.JoinRoomAsync(Room, 7, "c1"));
        Assert.False(await node2.JoinRoomAsync(Room, 7, "c2"));
        Assert.False(await node1.JoinRoomAsync(Room, 7, "c3"));
        Assert.Equal([7L], await node2.GetRoomUserIdsAsync(Room));

        Assert.False(await node1.LeaveRoomAsync(Room, 7, "c1"));
        Assert.False(await node2.LeaveRoomAsync(Room, 7, "c2"));
        Assert.True(await node1.LeaveRoomAsync(Room, 7, "c3"));
        Assert.Empty(await node2.GetRoomUserIdsAsync(Room));
    }

    [Fact]
    public async Task The_users_in_a_room_are_those_of_every_node_and_of_that_room_only()
    {
        var node1 = Node();
        var node2 = Node();
        await node1.JoinRoomAsync(Room, 1, "a");
        await node2.JoinRoomAsync(Room, 2, "b");
        await node2.JoinRoomAsync(Room + 1, 3, "c");

        Assert.Equal([1L, 2L], (await node1.GetRoomUserIdsAsync(Room)).Order());
        Assert.Equal([3L], await node1.GetRoomUserIdsAsync(Room + 1));
    }

    [Fact]
    public async Task Simultaneous_joins_and_leaves_of_one_user_on_two_nodes_announce_exactly_once_each()
    {
        var node1 = Node();
        var node2 = Node();

        for (long room = 100; room < 130; room++)
        {
            var joins = await Task.WhenAll(node1.JoinRoomAsync(room, 7, "c1"), node2.JoinRoomAsync(room, 7, "c2"));
            var leaves = await Task.WhenAll(node1.LeaveRoomAsync(room, 7, "c1"), node2.LeaveRoomAsync(room, 7, "c2"));

            Assert.Equal(1, joins.Count(arrived => arrived));
            Assert.Equal(1, leaves.Count(left => left));
        }
    }

    [Fact]
    public async Task A_node_that_stops_renewing_is_reaped_once_reporting_the_users_who_were_in_rooms_only_through_it()
    {
        var dying = Node(heartbeat: TimeSpan.FromSeconds(1));
        var survivor = Node(heartbeat: TimeSpan.FromSeconds(30));
        var otherSurvivor = Node(heartbeat: TimeSpan.FromSeconds(30));
        await dying.JoinRoomAsync(Room, 1, "a");
        await dying.JoinRoomAsync(Room, 2, "b");
        await dying.JoinRoomAsync(Room + 1, 1, "a");
        await survivor.JoinRoomAsync(Room, 2, "c");

        // The dying node never renews again: after 3 beats (3 s) it no longer counts; its data lasts 3 s more for the reaper.
        await Eventually.UntilAsync(async () => (await survivor.GetRoomUserIdsAsync(Room)).SequenceEqual([2L]), "the dead node's users drop out");
        var reaped = await Task.WhenAll(survivor.ReapDeadNodesAsync(), otherSurvivor.ReapDeadNodesAsync());

        // User 2 is still in the room through the survivor; only user 1 left, from both rooms. One reaper reports it.
        Assert.Equal([new RoomDeparture(Room, 1), new RoomDeparture(Room + 1, 1)], reaped.SelectMany(r => r).OrderBy(d => d.RoomId));
        Assert.Empty(await survivor.ReapDeadNodesAsync());
    }

    [Fact]
    public async Task A_heartbeat_writes_the_nodes_rooms_again_after_Redis_lost_them()
    {
        var node = Node();
        await node.JoinRoomAsync(Room, 5, "a");
        // As after a Redis restart without persistence: this prefix's keys are gone.
        await _connections[0].Database.ScriptEvaluateAsync(
            "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end", values: [_prefix + ":*"]);
        var other = Node();
        Assert.Empty(await other.GetRoomUserIdsAsync(Room));

        await node.AnnounceAsync();

        Assert.Equal([5L], await other.GetRoomUserIdsAsync(Room));
        await node.WithdrawAsync();
        Assert.Empty(await other.GetRoomUserIdsAsync(Room));
    }

    [Fact]
    public async Task Without_Redis_a_node_answers_from_its_own_connections()
    {
        var unreachable = Node(redis: "127.0.0.1:1,connectTimeout=200");

        Assert.True(await unreachable.JoinRoomAsync(Room, 9, "a"));
        Assert.Equal([9L], await unreachable.GetRoomUserIdsAsync(Room));
        Assert.True(await unreachable.LeaveRoomAsync(Room, 9, "a"));
    }

    private RedisRoomPresence Node(TimeSpan? heartbeat = null, string? redis = null)
    {
        var options = Options.Create(new RedisBackplaneOptions
        {
            Redis = redis ?? TestEnvironment.Redis,
            ChannelPrefix = _prefix,
            OnlineUsersHeartbeat = heartbeat ?? TimeSpan.FromSeconds(10),
        });
        var node = new RedisNode();
        var connection = new RedisConnection(options, node, NullLogger<RedisConnection>.Instance);
        _connections.Add(connection);
        var onlineUsers = new RedisOnlineUsers(connection, node, options, TimeProvider.System, NullLogger<RedisOnlineUsers>.Instance);
        return new RedisRoomPresence(connection, onlineUsers, node, options, TimeProvider.System, NullLogger<RedisRoomPresence>.Instance);
    }

    public async Task InitializeAsync() => await Node().GetRoomUserIdsAsync(Room); // connects the first connection

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
