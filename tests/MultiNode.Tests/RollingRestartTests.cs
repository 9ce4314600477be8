using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;
using CleanBackend.TestSupport.Load;
using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests;

/// <summary>Three <c>api,jobs</c> nodes behind Debian's nginx running the repository's deploy/nginx config.</summary>
public sealed class RollingRestartCluster : NodeCluster
{
    public NginxProcess Nginx { get; } = new();

    protected override IReadOnlyList<string> InitialRoles => ["api,jobs", "api,jobs", "api,jobs"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Nginx.StartAsync(Nodes.Select(n => n.Address));
    }

    public override async Task DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// A deploy while users are on: the nodes are restarted one after another with SIGTERM, each once the one before is
/// ready again, under a steady REST mix at half the measured capacity and 300 hub connections of the official client.
/// The procedure is the one deploy/README.md gives operators.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RollingRestartTests(RollingRestartCluster cluster, ITestOutputHelper output)
    : ClusterTests<RollingRestartCluster>(cluster, output), IClassFixture<RollingRestartCluster>
{
    private const int HubConnections = 300;
    private static readonly TimeSpan ReconnectLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Restarting_every_node_in_turn_fails_no_request_and_loses_no_notification()
    {
        var entry = new[] { Cluster.Nginx.Address };
        using var load = await SocialLoad.PrepareAsync(entry, 60);
        var capacity = await load.MeasureCapacityAsync(TimeSpan.FromSeconds(8));
        var rate = capacity / 2;
        await using var hubs = await HubFleet.ConnectAsync(entry, load.Users, HubConnections, () => load.Results.Elapsed);
        using var stop = new CancellationTokenSource();
        var steadyFrom = load.Results.Elapsed;
        var running = load.RunAsync(rate, stop.Token);

        var stoppedAt = new List<TimeSpan>();
        foreach (var node in Cluster.Nodes.ToList())
        {
            stoppedAt.Add(load.Results.Elapsed);
            var drained = await Cluster.RestartNodeAsync(node.Id);
            Output.WriteLine($"node {node.Id}: SIGTERM at {stoppedAt[^1].TotalSeconds:0.0} s, exited after {drained.TotalSeconds:0.0} s, ready again at {load.Results.Elapsed.TotalSeconds:0.0} s");
        }
        try
        {
            await Eventually.UntilAsync(() => Task.FromResult(hubs.Connected == HubConnections), "every hub connection is connected again", ReconnectLimit);
        }
        finally
        {
            Output.WriteLine($"hub connections: {hubs.Connected} connected, {hubs.Closed} closed, of {HubConnections}");
            if (hubs.Connected != HubConnections)
                foreach (var line in Cluster.Nginx.ReadErrorLog().Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^\S+ \S+ |\d+#\d+: \*\d+ |, client.*upstream: ", "")).CountBy(l => l))
                    Output.WriteLine($"nginx x{line.Value}: {line.Key}");
        }
        await stop.CancelAsync();
        await running;

        var steady = load.Results.Between(steadyFrom, load.Results.Elapsed);
        var failed = steady.Where(o => o.Failed).ToList();
        var reconnectTimes = hubs.Reconnections.Select(r => r.BackAt - stoppedAt.Last(s => s <= r.LostAt)).Order().ToList();
        Output.WriteLine($"capacity {capacity:0} req/s, load {rate:0} req/s: {steady.Count} requests during the restarts, {failed.Count} failed, " +
            $"p50 {LoadResults.Percentile(steady, 50).TotalMilliseconds:0} ms, p99 {LoadResults.Percentile(steady, 99).TotalMilliseconds:0} ms");
        Output.WriteLine($"{reconnectTimes.Count} reconnections; from SIGTERM of their node: median {Median(reconnectTimes).TotalSeconds:0.00} s, " +
            $"slowest {reconnectTimes.LastOrDefault().TotalSeconds:0.00} s; {hubs.NotificationsReceived} notifications pushed");
        foreach (var outcome in failed.Take(20)) Output.WriteLine("  " + outcome);

        Assert.Empty(failed);
        Assert.Equal(0, hubs.Closed);
        Assert.NotEmpty(reconnectTimes);
        Assert.All(reconnectTimes, t => Assert.True(t <= ReconnectLimit, $"a hub client took {t.TotalSeconds:0.00} s to reconnect"));
        await CommittedButLost.AssertNothingLostAsync(Cluster.Database, load);
    }

    private static TimeSpan Median(List<TimeSpan> sorted) => sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
}
