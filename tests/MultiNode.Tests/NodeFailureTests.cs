using System.Text.Json;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;
using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests;

/// <summary>
/// Node 1 (<c>api,jobs</c>) fans out slowly: one follower per statement. Node 2 is <c>api</c> only. Node 3 (<c>jobs</c>)
/// is started by the test once node 1 is running the fan-out, so that job is certainly node 1's.
/// </summary>
public sealed class NodeFailureCluster : NodeCluster
{
    /// <summary>Enough that fanning out one follower per statement takes node 1 far longer than node 3 takes to start.</summary>
    public const int BulkFollowers = 20_000;

    protected override IReadOnlyList<string> InitialRoles => ["api,jobs", "api"];

    protected override Dictionary<string, string> EnvironmentOf(int nodeId)
    {
        var environment = base.EnvironmentOf(nodeId);
        environment["Feed__FanOutLimit"] = "100000";
        if (nodeId == 1) environment["Feed__FanOutBatchSize"] = "1";
        return environment;
    }

    /// <summary>Gives the author <see cref="BulkFollowers"/> followers straight in the database (registering them would take minutes).</summary>
    public Task AddBulkFollowersAsync(long authorId) => Database.ExecuteAsync($"""
        INSERT INTO "Users" ("Id", "UserName", "Email", "NormalizedEmail", "PasswordHash", "DisplayName", "Role", "CreatedAt")
        SELECT 1000 + g, 'bulk' || g, 'bulk' || g || '@example.test', 'BULK' || g || '@EXAMPLE.TEST', 'unusable', 'Bulk ' || g, 'user', now()
        FROM generate_series(1, {BulkFollowers}) AS g;
        INSERT INTO "Follows" ("Id", "FollowerId", "FolloweeId", "CreatedAt")
        SELECT 1000 + g, 1000 + g, {authorId}, now() FROM generate_series(1, {BulkFollowers}) AS g;
        """);
}

/// <summary>
/// kill -9 of an api node in the middle of its work. The approach to catching a job mid-run deterministically: node 1
/// is the only node able to run jobs when the post is published, its fan-out is slowed by configuration (one follower
/// per statement, 20,000 followers), the test waits until Hangfire's tables show the fan-out Processing on node-1,
/// starts node 3, and kills node 1. Node 1 stops extending its claim on the job (sliding invisibility timeout), so node 3
/// fetches it again about 10 s later and runs it to the end; the idempotent fan-out skips the rows node 1 wrote.
/// </summary>
public sealed class NodeFailureTests(NodeFailureCluster cluster, ITestOutputHelper output)
    : ClusterTests<NodeFailureCluster>(cluster, output), IClassFixture<NodeFailureCluster>
{
    /// <summary>The promise of docs/jobs-dashboard.md: another node completes a dead node's job within 30 s.</summary>
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    private AppNodeProcess Node1 => Cluster.Node(1);
    private AppNodeProcess Node2 => Cluster.Node(2);

    [Fact]
    public async Task Killing_an_api_node_loses_nothing_its_clients_catch_up_on_another_node_and_its_running_job_is_recovered()
    {
        var author = await TestUser.CreateAsync(Node2.Address);
        var watcher = await TestUser.CreateAsync(Node2.Address);  // connected to node 2 throughout
        var roamer = await TestUser.CreateAsync(Node1.Address);   // on node 1, reconnects to node 2 after the kill
        var ghost = await TestUser.CreateAsync(Node1.Address);    // on node 1, never comes back
        var admin = await TestUser.AdminAsync(Node2.Address);
        await watcher.FollowAsync(author);
        await roamer.On(Node2).FollowAsync(author);
        await Cluster.AddBulkFollowersAsync(author.Id);
        var room = await watcher.CreateRoomAsync();
        await using var watcherHub = await watcher.ConnectHubAsync(Node2);
        await using var roamerHub = await roamer.ConnectHubAsync(Node1);
        await using var ghostHub = await ghost.ConnectHubAsync(Node1);
        await watcherHub.InvokeAsync("JoinRoom", room);
        await roamerHub.InvokeAsync("JoinRoom", room);
        await ghostHub.InvokeAsync("JoinRoom", room);
        var sent = new List<string> { (await watcherHub.InvokeAsync("SendMessage", room, "before the crash")).Id() };
        await roamerHub.WaitForAsync(RealtimeEvents.RoomMessage, m => m.MessageText() == "before the crash");

        // The fan-out of this post can only run on node 1, the one node with the jobs role so far.
        var postId = await author.PublishAsync("fanned out across a crash");
        await Eventually.UntilAsync(() => FanOutExecutingOnAsync("node-1"), "node 1 is running the fan-out", TimeSpan.FromSeconds(60));
        await Cluster.StartNodesAsync((3, "jobs"));
        Assert.True(await FanOutExecutingOnAsync("node-1"), "The fan-out finished before node 1 was killed: make it slower.");

        await Node1.KillAsync();
        var recovered = TimeFanOutRecoveryAsync();
        await roamerHub.Closed.WaitAsync(RecordingHubConnection.DefaultTimeout);
        await ghostHub.Closed.WaitAsync(RecordingHubConnection.DefaultTimeout);

        // While the roamer is away: a room message, a notification (a follow) and a broadcast, all through node 2.
        sent.Add((await watcherHub.InvokeAsync("SendMessage", room, "while you were away")).Id());
        await watcher.FollowAsync(roamer);
        var broadcastId = await admin.BroadcastAsync("sent during the outage");

        // The roamer reconnects to node 2, rejoins first, then catches up over REST (docs/realtime.md).
        await using var roamerBack = await roamer.ConnectHubAsync(Node2);
        await roamerBack.InvokeAsync("JoinRoom", room);
        var roamerOnNode2 = roamer.On(Node2);
        var seen = roamerHub.Received(RealtimeEvents.RoomMessage).Select(m => m.GetProperty("message").Id())
            .Concat((await roamerOnNode2.AllItemsAsync($"/api/rooms/{room}/messages")).Select(m => m.Id())).ToHashSet();
        Assert.All(sent, id => Assert.Contains(id, seen));
        var notifications = await roamerOnNode2.AllItemsAsync("/api/notifications");
        Assert.Contains(notifications, n => n.GetProperty("type").GetString() == "follow" && ActorOf(n) == watcher.UserName);
        Assert.Contains(broadcastId, (await roamerOnNode2.AllItemsAsync("/api/broadcasts")).Select(b => b.Id()));

        // The ghost was in the room only through node 1: once node 1's presence expires, the room hears it left.
        var ghostLeft = await watcherHub.WaitForAsync(RealtimeEvents.Presence, p => p.Presence() == (ghost.UserName, false), TimeSpan.FromSeconds(30));
        Assert.Equal(room, ghostLeft.GetProperty("roomId").GetString());
        Assert.Equal(ClusterApi.Names(roamer, watcher), await watcher.OnlineInRoomAsync(room));

        // Node 3 completes the fan-out node 1 was running, within 30 s of the kill; online followers then get feedItem.
        var recoveryTime = await recovered;
        Output.WriteLine($"kill -9 of node 1 -> fan-out completed on node 3 after {recoveryTime.TotalSeconds:0.0} s");
        Assert.True(recoveryTime < RecoveryTimeout, $"The fan-out completed {recoveryTime.TotalSeconds:0.0} s after the kill.");
        await watcherHub.WaitForAsync(RealtimeEvents.FeedItem, p => p.Id() == postId, RecoveryTimeout);
        Assert.Contains(postId, (await roamerOnNode2.AllItemsAsync("/api/feed")).Select(p => p.Id()));
        // Every follower's feed has the post exactly once (the author's and two followers', plus the bulk followers').
        Assert.Equal(NodeFailureCluster.BulkFollowers + 3, await Cluster.Database.ScalarAsync<long>($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "PostId" = {postId}"""));
        Assert.Equal(NodeFailureCluster.BulkFollowers + 3, await Cluster.Database.ScalarAsync<long>($"""SELECT COUNT(DISTINCT "UserId") FROM "FeedEntries" WHERE "PostId" = {postId}"""));
        // The only fan-out of this cluster: started by node 1, started again and finished by node 3.
        Assert.Equal(1, await Cluster.Database.ScalarAsync<long>(HangfireTables.FanOutRunsOn("node-1")));
        Assert.Equal(1, await Cluster.Database.ScalarAsync<long>(HangfireTables.FanOutRunsOn("node-3")));
    }

    private async Task<bool> FanOutExecutingOnAsync(string node) => await Cluster.Database.ScalarAsync<long>(HangfireTables.FanOutProcessingOn(node)) == 1;

    /// <summary>From now (the kill) until the fan-out's job has succeeded.</summary>
    private async Task<TimeSpan> TimeFanOutRecoveryAsync()
    {
        var sinceKill = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.UntilAsync(async () => await Cluster.Database.ScalarAsync<long>(
                $"SELECT COUNT(*) FROM hangfire.job WHERE {HangfireTables.IsFanOut} AND statename = 'Succeeded'") == 1,
            "the fan-out succeeded on another node", TimeSpan.FromSeconds(90));
        return sinceKill.Elapsed;
    }

    private static string? ActorOf(JsonElement notification) => notification.GetProperty("actor").GetProperty("userName").GetString();

    public override async Task DisposeAsync()
    {
        Output.WriteLine("Hangfire job states:\n" + await Cluster.Database.ScalarAsync<string>(
            "SELECT string_agg(concat_ws(' | ', s.jobid, s.name, s.createdat, s.reason, s.data::text), E'\\n' ORDER BY s.id) FROM hangfire.state s"));
        await base.DisposeAsync();
    }
}
