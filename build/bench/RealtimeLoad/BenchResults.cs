using System.Globalization;
using System.Text;

namespace CleanBackend.RealtimeLoad;

/// <summary>The figures of one run, and the docs/benchmarks.md section that reports them (numbers in the invariant culture: Program sets it).</summary>
public sealed class BenchResults(BenchSettings settings)
{
    public const double OneNodeTarget = 1.15;
    public const double TwoNodeTarget = 1.5;
    public const double LatencyP99TargetMs = 5;
    public const double BytesPerConnectionTarget = 25 * 1024;
    public const double LatencyFloorTarget = 1.5;
    public const double MemoryTarget = 1.3;

    public List<BroadcastResult> Plain { get; } = [];
    public List<BroadcastResult> OneNode { get; } = [];
    public List<BroadcastResult> TwoNodes { get; } = [];
    public Dictionary<string, double> ConnectSeconds { get; } = [];
    public UserLatency CrossNode { get; set; }
    public UserLatency CrossNodeFromClient { get; set; }
    public UserLatency SameNode { get; set; }
    public UserLatency InProcess { get; set; }
    public LatencyResult RedisFloor { get; set; }
    public double PlainBytesPerConnection { get; set; }
    public double PlainAuthenticatedBytesPerConnection { get; set; }
    public double CleanBackendBytesPerConnection { get; set; }
    public double TotalSeconds { get; set; }
    public string LoadBefore { get; set; } = "";
    public string LoadAfter { get; set; } = "";

    public string ToMarkdown()
    {
        var n = settings.Connections.ToString("N0", CultureInfo.InvariantCulture);
        var plain = Median(Plain);
        var clean1 = Median(OneNode);
        var clean2 = Median(TwoNodes);
        var text = new StringBuilder();
        text.AppendLine("## Realtime on the official Redis backplane (issue 12)");
        text.AppendLine();
        text.AppendLine($"`build/bench-realtime.sh`, {DateTime.UtcNow:yyyy-MM-dd}, on this project's 2-core machine with everything on loopback " +
            $"(servers, PostgreSQL, Redis and the load client share the 2 cores). Broadcast figures are the median of {settings.Rounds} rounds " +
            "after a warm-up round, min-max in brackets; the plain hub was measured before and after CleanBackend (median of both phases).");
        text.AppendLine();
        text.AppendLine("| # | Measurement | CleanBackend | Plain SignalR hub | Ratio | Target | Met |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        if (Plain.Count > 0)
        {
            text.AppendLine($"| 1 | One broadcast to {n} connections on one node: until every client has it | {clean1:0.0} ms {Range(OneNode)} | {plain:0.0} ms {Range(Plain)} | {clean1 / plain:0.00}x | ≤ {OneNodeTarget:0.00}x | {Met(clean1 / plain <= OneNodeTarget)} |");
            text.AppendLine($"| 2 | The same, {n} connections over two nodes through Redis | {clean2:0.0} ms {Range(TwoNodes)} | {plain:0.0} ms (one node) | {clean2 / plain:0.00}x | ≤ {TwoNodeTarget:0.0}x | {Met(clean2 / plain <= TwoNodeTarget)} |");
        }
        // Cross-node latency: from the send on node 1 to the client on node 2 (how punctually the load generator sent is
        // reported beside it, in the text).
        var cross = CrossNode.AfterSent;
        if (cross.Sent > 0 && RedisFloor.P99Ms > 0)
            text.AppendLine($"| 3a | The same p99 against bare Redis pub/sub p99 (same run, same rate, in alternating slices) | {cross.P99Ms:0.00} ms | {RedisFloor.P99Ms:0.00} ms (Redis) | {cross.P99Ms / RedisFloor.P99Ms:0.00}x | ≤ {LatencyFloorTarget:0.0}x | {Met(cross.P99Ms / RedisFloor.P99Ms <= LatencyFloorTarget)} |");
        var inProcess = InProcess.AfterSent;
        if (inProcess.Sent > 0 && RedisFloor.P99Ms > 0)
            text.AppendLine($"| 3b | For reference: the same messages on one hub without a backplane (SignalR in-process), p99 against the same floor | {inProcess.P99Ms:0.00} ms | {RedisFloor.P99Ms:0.00} ms (Redis) | {inProcess.P99Ms / RedisFloor.P99Ms:0.00}x | | |");
        if (cross.Sent > 0)
            text.AppendLine($"| 3 | User-targeted messages across nodes at {settings.MessagesPerSecond:N0}/s, from the send on one node to the client on the other: p50 / p99 (p99.9, max) | {cross.P50Ms:0.00} / {cross.P99Ms:0.00} ms ({cross.P999Ms:0.00}, {cross.MaxMs:0.0}) | | | p99 ≤ {LatencyP99TargetMs:0} ms | {Met(cross.P99Ms <= LatencyP99TargetMs)} |");
        if (Plain.Count > 0)
        {
            text.AppendLine($"| 4 | Memory per idle signed-in connection (RSS growth / connections), against the plain hub with the same JwtBearer setup | {Kb(CleanBackendBytesPerConnection)} | {Kb(PlainAuthenticatedBytesPerConnection)} | {CleanBackendBytesPerConnection / PlainAuthenticatedBytesPerConnection:0.00}x | ≤ {MemoryTarget:0.0}x | {Met(CleanBackendBytesPerConnection / PlainAuthenticatedBytesPerConnection <= MemoryTarget)} |");
            text.AppendLine($"| 4b | The same against the unauthenticated plain hub | {Kb(CleanBackendBytesPerConnection)} | {Kb(PlainBytesPerConnection)} | {CleanBackendBytesPerConnection / PlainBytesPerConnection:0.00}x | ≤ {BytesPerConnectionTarget / 1024:0} KB | {Met(CleanBackendBytesPerConnection <= BytesPerConnectionTarget)} |");
        }
        text.AppendLine();
        text.AppendLine("How each figure is made:");
        text.AppendLine();
        if (Plain.Count > 0)
            text.AppendLine($"1. The load client (build/bench/RealtimeLoad, one process) opens {n} WebSocket connections to the plain hub " +
                $"(build/bench/PlainHub: `AddSignalR()`, one hub, `POST /broadcast` = `Clients.All.SendAsync`), then, after closing them, {n} to " +
                $"CleanBackend node 1, signed in as {settings.Users} users. Timing starts just before the trigger request and ends when the last connection has the " +
                "`broadcast` event. CleanBackend's trigger is the real `POST /api/admin/broadcast` as the admin: the broadcast is saved (with its " +
                "outbox row) and pushed after the commit, as in production, so the figure includes that database work; the node runs as deployed, " +
                "with `Realtime:Redis` set (it also publishes the broadcast to Redis for other nodes).");
        if (Plain.Count > 0)
            text.AppendLine($"2. As 1, with the {n} CleanBackend connections alternating between nodes 1 and 2; the broadcast goes through node 1, " +
                "which writes to its own connections and publishes once to Redis, from where node 2 writes the same bytes to its connections.");
        var requested = CrossNodeFromClient;
        if (cross.Sent > 0)
            text.AppendLine("3. CleanBackend's events for one user (notifications, `feedItem`) are sent by a node, after the commit, as " +
                "`Clients.User(id)` through the hub context. To measure the backplane rather than the database work in front of it, " +
                "build/bench/BackplaneHub runs two nodes of a hub on SignalR's Redis backplane as the app configures it (the app's `AddRedisBackplane`): node 1 " +
                $"sends `pong` to 1,000 users connected to node 2, round-robin, at {settings.MessagesPerSecond:N0}/s for {settings.LatencyDuration.TotalSeconds:0} s " +
                $"(`POST /emit`: the hub context, open loop on a thread of its own, after {UserMessageLatency.WarmUp.TotalSeconds:0} s of warm-up at that rate). Each message carries the moment it " +
                "was due and the moment it was sent; the client notes its arrival (Stopwatch is one monotonic clock for every process of the " +
                "machine). The figure is sent to arrived: serializing, PUBLISH, Redis, node 2, its WebSocket write and the client's read. " +
                $"{cross.Received:N0} of {cross.Sent:N0} arrived; the load client's own GC paused it for {CrossNode.ClientGcPause.TotalMilliseconds:0.0} ms meanwhile " +
                "(it collects its garbage before each measurement). Counted from the moment each was due instead, which adds the load generator's own " +
                $"punctuality (due to sent p99 {CrossNode.UntilSent.P99Ms:0.00} ms): p50 {CrossNode.Total.P50Ms:0.00} / p99 {CrossNode.Total.P99Ms:0.00} ms. " +
                $"For reference: the same to 1,000 users on node 1 itself, sent to arrived p50 {SameNode.AfterSent.P50Ms:0.00} / " +
                $"p99 {SameNode.AfterSent.P99Ms:0.00} ms (with the backplane, a node's own users are reached through Redis too); on a third instance of the hub " +
                "without `Realtime:Redis` (SignalR's in-process lifetime manager, no Redis at all), to its own 1,000 users: " +
                $"p50 {InProcess.AfterSent.P50Ms:0.00} / p99 {InProcess.AfterSent.P99Ms:0.00} ms (figure 3b). Messages requested by clients instead ({UserMessageLatency.Senders} connections on node 1 call " +
                "`Ping(user, stamp)`, the hub method sends to the user on node 2), which adds the requester's WebSocket hop and the hub's dispatch: " +
                $"p50 {requested.Total.P50Ms:0.00} / p99 {requested.Total.P99Ms:0.00} ms ({requested.Total.Received:N0} of {requested.Total.Sent:N0}), of which " +
                $"client to hub method p99 {requested.UntilSent.P99Ms:0.00} ms and hub method to receiver p99 {requested.AfterSent.P99Ms:0.00} ms. And the " +
                "floor of this machine in the same seconds, a bare Redis PUBLISH to a subscriber in the load client at the same rate (no hub, no " +
                $"WebSocket), measured in {UserMessageLatency.FloorSlices} slices that alternate with {UserMessageLatency.FloorSlices} slices of the cross-node " +
                $"figure ({(settings.LatencyDuration / UserMessageLatency.FloorSlices).TotalSeconds:0.#} s each, after {UserMessageLatency.FloorWarmUp.TotalSeconds:0} s of warm-up), " +
                "so that both meet the same moments of the shared machine but never run at once: " +
                $"p50 {RedisFloor.P50Ms:0.00} / p99 {RedisFloor.P99Ms:0.00} ms, max {RedisFloor.MaxMs:0.0} ms.");
        if (Plain.Count > 0)
            text.AppendLine($"4. Resident memory of the server process after the {n} connections were opened and left idle for 3 s, minus before, " +
                "divided by the connections. \"Before\" is read with 200 warm-up connections already open, so the first connections' one-time " +
                "costs (the JIT compiling the connect path) are not counted. CleanBackend's connections are signed in with the token in the query " +
                "string, as browsers must send it; each also has its Redis channel subscription, its user's online entry and the authenticated " +
                "user.");
        text.AppendLine();
        text.AppendLine(GcSettings());
        text.AppendLine();
        text.AppendLine($"The machine is shared: /proc/loadavg was `{LoadBefore}` when the run started and `{LoadAfter}` when it ended " +
            "(other work running besides the benchmark makes tails longer and figures noisier; compare runs only by their ratios and floors).");
        text.AppendLine();
        text.AppendLine($"Opening the connections took {string.Join(", ", ConnectSeconds.Select(c => $"{c.Value:0.0} s ({c.Key})"))}. Whole run: {TotalSeconds:0} s.");
        return text.ToString();
    }

    /// <summary>The servers' GC modes decide much of figures 1 and 4 (docs/benchmarks.md, the section after this one).</summary>
    private static string GcSettings()
    {
        var overridden = Environment.GetEnvironmentVariable("CLEANBACKEND_BENCH_SERVER_ENV");
        return string.IsNullOrWhiteSpace(overridden)
            ? "Each server ran with its own runtime settings: the plain hub with the defaults (the Web SDK's server GC, thread-pool workers " +
              "that spin while waiting for work), CleanBackend and the backplane hub with the nodes' (workstation GC, workers that don't spin: " +
              "src/WebApi/NodeRuntime.props, ADR 0020). The load client's workers don't spin either, to leave the CPU to the servers."
            : $"Every server ran with `{overridden.Trim()}` added to its environment (CLEANBACKEND_BENCH_SERVER_ENV).";
    }

    private static double Median(List<BroadcastResult> rounds)
    {
        var sorted = rounds.Select(r => r.AllMs).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Range(List<BroadcastResult> rounds) => $"({rounds.Min(r => r.AllMs):0}-{rounds.Max(r => r.AllMs):0})";

    private static string Kb(double bytes) => $"{bytes / 1024:0.0} KB";

    private static string Met(bool met) => met ? "yes" : "**no**";

}
