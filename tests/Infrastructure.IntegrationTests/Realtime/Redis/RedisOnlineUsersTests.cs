using CleanBackend.Application.Common.Realtime;
using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.Infrastructure.Realtime.Redis;
using CleanBackend.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

public sealed class RedisOnlineUsersTests(TwoNodeDeployment nodes) : IClassFixture<TwoNodeDeployment>
{
    [Fact]
    public async Task Users_connected_to_any_node_are_online_everywhere_until_their_last_connection_closes()
    {
        await using var userOnNode1 = await nodes.Node1.ConnectAsync(user: "1001");
        await using var userOnNode2 = await nodes.Node2.ConnectAsync(user: "1002");
        var secondTabOfUser2 = await nodes.Node1.ConnectAsync(user: "1002");
        var online = nodes.JobsNode.Services.GetRequiredService<IOnlineUsers>();

        Assert.Equal([1001L, 1002L], (await online.GetOnlineUserIdsAsync()).Order());

        await secondTabOfUser2.DisposeAsync();
        await userOnNode1.DisposeAsync();
        await Eventually.UntilAsync(async () => !(await online.GetOnlineUserIdsAsync()).Contains(1001L), "user 1001 is offline");
        Assert.Contains(1002L, await online.GetOnlineUserIdsAsync());
    }

    [Fact]
    public async Task A_node_that_stops_announcing_has_its_users_expire()
    {
        var heartbeat = TimeSpan.FromMilliseconds(200);
        await using var connection = CreateConnection(heartbeat);
        // A node that "dies" right after its user connected: it never announces again nor withdraws.
        var dyingNode = CreateOnlineUsers(connection, heartbeat);
        await dyingNode.UserConnectedAsync("2001");
        var online = nodes.JobsNode.Services.GetRequiredService<IOnlineUsers>();
        Assert.Contains(2001L, await online.GetOnlineUserIdsAsync());

        await Eventually.UntilAsync(async () => !(await online.GetOnlineUserIdsAsync()).Contains(2001L),
            "the dead node's user expires (3 heartbeats = 600 ms)", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_heartbeat_rewrites_the_nodes_users_after_Redis_lost_them()
    {
        var heartbeat = TimeSpan.FromSeconds(10);
        await using var connection = CreateConnection(heartbeat);
        var backplaneNode = new RedisNode();
        var node = CreateOnlineUsers(connection, heartbeat, backplaneNode);
        await node.UserConnectedAsync("3001");
        // As after a Redis restart without persistence (only this node's keys: the Redis is shared).
        var database = connection.Database;
        await database.KeyDeleteAsync($"{nodes.ChannelPrefix}:online:node:{backplaneNode.Name}");
        await database.SortedSetRemoveAsync($"{nodes.ChannelPrefix}:online:nodes", backplaneNode.Name);
        var online = nodes.JobsNode.Services.GetRequiredService<IOnlineUsers>();
        Assert.DoesNotContain(3001L, await online.GetOnlineUserIdsAsync());

        await node.AnnounceAsync();

        Assert.Contains(3001L, await online.GetOnlineUserIdsAsync());
        await node.WithdrawAsync();
        Assert.DoesNotContain(3001L, await online.GetOnlineUserIdsAsync());
    }

    private RedisConnection CreateConnection(TimeSpan heartbeat) =>
        new(Options(heartbeat), new RedisNode(), NullLogger<RedisConnection>.Instance);

    private RedisOnlineUsers CreateOnlineUsers(RedisConnection connection, TimeSpan heartbeat, RedisNode? node = null) =>
        new(connection, node ?? new RedisNode(), Options(heartbeat), TimeProvider.System, NullLogger<RedisOnlineUsers>.Instance);

    private IOptions<RedisBackplaneOptions> Options(TimeSpan heartbeat) => Microsoft.Extensions.Options.Options.Create(new RedisBackplaneOptions
    {
        Redis = TestEnvironment.Redis,
        ChannelPrefix = nodes.ChannelPrefix,
        OnlineUsersHeartbeat = heartbeat,
    });
}
