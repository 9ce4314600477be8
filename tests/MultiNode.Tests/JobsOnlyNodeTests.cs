using CleanBackend.Application.Common.Realtime;
using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;
using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests;

/// <summary>Two <c>api</c>-only nodes and one <c>jobs</c>-only node: only the last one can run a job.</summary>
public sealed class ApiAndJobsNodesCluster : NodeCluster
{
    protected override IReadOnlyList<string> InitialRoles => ["api", "api", "jobs"];
}

public sealed class JobsOnlyNodeTests(ApiAndJobsNodesCluster cluster, ITestOutputHelper output)
    : ClusterTests<ApiAndJobsNodesCluster>(cluster, output), IClassFixture<ApiAndJobsNodesCluster>
{
    [Fact]
    public async Task A_fan_out_job_runs_on_the_jobs_only_node_and_pushes_feedItem_to_followers_on_both_api_nodes()
    {
        var author = await TestUser.CreateAsync(Cluster.Node(1).Address);
        var followerOnNode1 = await TestUser.CreateAsync(Cluster.Node(1).Address);
        var followerOnNode2 = await TestUser.CreateAsync(Cluster.Node(2).Address);
        await followerOnNode1.FollowAsync(author);
        await followerOnNode2.FollowAsync(author);
        await using var hub1 = await followerOnNode1.ConnectHubAsync(Cluster.Node(1));
        await using var hub2 = await followerOnNode2.ConnectHubAsync(Cluster.Node(2));

        // Enqueued by api node 1 into the clustered store; only node 3 runs a Hangfire server.
        var postId = await author.PublishAsync("fanned out by the jobs node");

        Assert.Equal(postId, (await hub1.WaitForAsync(RealtimeEvents.FeedItem, p => p.Id() == postId)).Id());
        Assert.Equal(postId, (await hub2.WaitForAsync(RealtimeEvents.FeedItem, p => p.Id() == postId)).Id());
        Assert.Equal(1, await Cluster.Database.ScalarAsync<long>(HangfireTables.FanOutRunsOn("node-3", postId)));
        Assert.Equal(1, await Cluster.Database.ScalarAsync<long>(HangfireTables.FanOutRunsOn("%", postId)));
    }

    [Fact]
    public async Task Only_the_jobs_node_runs_a_Hangfire_server()
    {
        var servers = await Cluster.Database.ScalarAsync<string>("SELECT string_agg(split_part(id, ':', 1), ',' ORDER BY id) FROM hangfire.server");

        Assert.Equal("node-3", servers);
    }

}
