using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;
using CleanBackend.TestSupport.Load;
using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests;

/// <summary>Two <c>api,jobs</c> nodes on a PostgreSQL server of their own, which the test restarts and stops.</summary>
public sealed class PrivatePostgresCluster : NodeCluster
{
    public PostgresServerProcess Postgres { get; } = new();

    protected override IReadOnlyList<string> InitialRoles => ["api,jobs", "api,jobs"];

    protected override string? PostgresServer => Postgres.ServerConnectionString;

    public override async Task InitializeAsync()
    {
        await Postgres.InitializeAndStartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

/// <summary>
/// PostgreSQL restarted (<c>pg_ctl restart -m fast</c>) and then stopped for 20 s under a steady REST load and open hub
/// connections: requests fail fast with a 503 problem while it is away, the nodes serve again within 5 s of it
/// accepting connections, without a restart, and nothing committed is lost.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PostgresRestartTests(PrivatePostgresCluster cluster, ITestOutputHelper output)
    : ClusterTests<PrivatePostgresCluster>(cluster, output), IClassFixture<PrivatePostgresCluster>
{
    private const double RequestsPerSecond = 20;
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Requests_fail_fast_with_503_while_PostgreSQL_is_away_and_every_node_serves_again_within_5_s_losing_nothing()
    {
        var nodes = Cluster.Nodes.Select(n => n.Address).ToList();
        using var load = await SocialLoad.PrepareAsync(nodes, 30);
        await using var hubs = await HubFleet.ConnectAsync(nodes, load.Users, 20, () => load.Results.Elapsed);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(RequestsPerSecond, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var restartAt = load.Results.Elapsed;
        await Cluster.Postgres.RestartAsync();
        var restartRecovery = await TimeUntilEveryNodeServesAsync(load);
        Output.WriteLine($"pg_ctl restart -m fast: took {(load.Results.Elapsed - restartAt - restartRecovery).TotalSeconds:0.00} s; nodes served again {restartRecovery.TotalSeconds:0.00} s after it accepted connections");
        var restartAccepting = load.Results.Elapsed - restartRecovery;

        var stoppedAt = load.Results.Elapsed;
        await Cluster.Postgres.StopAsync();
        await Eventually.UntilAsync(async () => (await Task.WhenAll(Cluster.Nodes.Select(n => n.ReadinessAsync()))).All(s => s == "Unhealthy"),
            "every node reports Unhealthy on /health/ready", FailFast);
        // The outage lasts as long as the scenario says, while the load keeps running: a duration, not a wait for a signal.
        await Task.Delay(Outage - (load.Results.Elapsed - stoppedAt));
        Assert.Equal(20, hubs.Connected);
        Assert.Empty(hubs.Reconnections);
        await Cluster.Postgres.StartAsync();
        var startRecovery = await TimeUntilEveryNodeServesAsync(load);
        var startAccepting = load.Results.Elapsed - startRecovery;
        Output.WriteLine($"stopped {Outage.TotalSeconds:0} s: nodes served again {startRecovery.TotalSeconds:0.00} s after it accepted connections");

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await running;

        var all = load.Results.All;
        Output.WriteLine($"{all.Count} requests, {all.Count(o => o.Failed)} failed (all 503 problems expected), p99 {LoadResults.Percentile(all, 99).TotalMilliseconds:0} ms, slowest {all.Max(o => o.Latency).TotalMilliseconds:0} ms");
        foreach (var failed in all.Where(o => o.Failed).Take(20)) Output.WriteLine("  " + failed);
        Assert.All(all, o => Assert.True(o.Latency <= FailFast, $"{o} took longer than {FailFast.TotalSeconds} s"));
        Assert.All(all.Where(o => o.Failed), o => Assert.True(o is { Status: 503, IsProblem: true }, $"{o} is not a 503 problem"));
        Assert.True(restartRecovery <= RecoveryLimit, $"nodes served {restartRecovery.TotalSeconds:0.00} s after the restart");
        Assert.True(startRecovery <= RecoveryLimit, $"nodes served {startRecovery.TotalSeconds:0.00} s after the start");
        Assert.DoesNotContain(load.Results.Between(restartAccepting + RecoveryLimit, stoppedAt), o => o.Failed);
        Assert.DoesNotContain(load.Results.Between(startAccepting + RecoveryLimit, load.Results.Elapsed), o => o.Failed);
        Assert.Equal(20, hubs.Connected);

        await CommittedButLost.AssertNothingLostAsync(Cluster.Database, load);
    }

    /// <summary>
    /// Polls every node with a database read until all answer 200 (and /health/ready says Healthy): the time since
    /// PostgreSQL accepted connections, which is when pg_ctl -w returned, just before this is called.
    /// </summary>
    private async Task<TimeSpan> TimeUntilEveryNodeServesAsync(SocialLoad load)
    {
        var since = System.Diagnostics.Stopwatch.StartNew();
        var reader = load.Users[0];
        await Eventually.UntilAsync(async () =>
        {
            foreach (var node in Cluster.Nodes)
            {
                using var response = await reader.On(node).Client.GetAsync("/api/notifications/unread-count");
                if (!response.IsSuccessStatusCode || await node.ReadinessAsync() != "Healthy") return false;
            }
            return true;
        }, "every node serves a database read and reports Healthy", TimeSpan.FromSeconds(30));
        return since.Elapsed;
    }
}
