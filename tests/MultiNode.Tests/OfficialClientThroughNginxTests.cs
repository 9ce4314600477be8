using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;
using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests;

/// <summary>
/// The official @microsoft/signalr client, run by node, through nginx with the repository's deploy/nginx config in
/// front of three api nodes. The client negotiates first and then opens its transport with the connection's id,
/// which only the negotiating node knows: the config's sticky routing of /hubs/ must send both to the same node.
/// </summary>
/// <remarks>
/// The shared cluster has two api nodes; this class adds a third (<c>api</c> only, so it does not join the jobs
/// cluster) rather than starting a cluster of its own beside the others. It stays up until the collection ends.
/// </remarks>
[Collection(ThreeNodeCollection.Name)]
public sealed class OfficialClientThroughNginxTests(ThreeNodeCluster cluster, ITestOutputHelper output)
    : ClusterTests<ThreeNodeCluster>(cluster, output)
{
    private const int FreshConnections = 20;
    private const int ThirdApiNode = 4;

    private readonly NginxProcess _nginx = new();

    private IEnumerable<AppNodeProcess> ApiNodes => Cluster.Nodes.Where(n => n.Roles.Split(',').Contains("api"));

    public override async Task InitializeAsync()
    {
        if (Cluster.Nodes.All(n => n.Id != ThirdApiNode)) await Cluster.StartNodesAsync((ThirdApiNode, "api"));
        await _nginx.StartAsync(ApiNodes.Select(n => n.Address));
    }

    [Theory]
    [InlineData("default", "WebSocket")]
    [InlineData("ServerSentEvents", "ServerSentEvents")]
    [InlineData("LongPolling", "LongPolling")]
    public async Task Every_fresh_connection_through_nginx_connects_and_receives_events_sent_by_every_node(string transportOption, string transport)
    {
        // One follower per node, each following through its own node: each fresh connection is notified by all
        // three nodes, so at least two of the notifications cross nodes wherever nginx put the connection.
        var followers = new List<string>();
        foreach (var node in ApiNodes)
        {
            followers.Add(node.Address.ToString().TrimEnd('/'));
            followers.Add((await TestUser.CreateAsync(node.Address)).AccessToken);
        }

        var run = await NodeScript.RunAsync("through-load-balancer.js",
            [_nginx.Address.ToString().TrimEnd('/'), transportOption, FreshConnections.ToString(), .. followers], TimeSpan.FromMinutes(4));

        Output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"node exited with {run.ExitCode}. Output: {run.Output} Errors: {run.Errors} nginx: {_nginx.ReadErrorLog()}");
        var expected = Enumerable.Range(1, FreshConnections).Select(i => $"connection {i}: {transport}, notified from 3 nodes").Append("done");
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public override async Task DisposeAsync()
    {
        await _nginx.DisposeAsync();
        await base.DisposeAsync();
    }
}
