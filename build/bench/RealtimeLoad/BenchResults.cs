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

    public List<BroadcastResult> Plain { get; } = [];
    public List<BroadcastResult> OneNode { get; } = [];
    public List<BroadcastResult> TwoNodes { get; } = [];
    public Dictionary<string, double> ConnectSeconds { get; } = [];
    public UserLatency CrossNode { get; set; }
    public UserLatency CrossNodeFromClient { get; set; }
    public UserLatency SameNode { get; set; }
    public LatencyResult RedisFloor { get; set; }
    public double PlainBytesPerConnection { get; set; }
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
        text.AppendLine("## Realtime (issue 5)");
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
        if (cross.Sent > 0)
            text.AppendLine($"| 3 | User-targeted messages across nodes at {settings.MessagesPerSecond:N0}/s, from the send on one node to the client on the other: p50 / p99 (p99.9, max) | {cross.P50Ms:0.00} / {cross.P99Ms:0.00} ms ({cross.P999Ms:0.00}, {cross.MaxMs:0.0}) | | | p99 ≤ {LatencyP99TargetMs:0} ms | {Met(cross.P99Ms <= LatencyP99TargetMs)} |");
        if (Plain.Count > 0)
            text.AppendLine($"| 4 | Memory per idle connection (RSS growth / connections) | {Kb(CleanBackendBytesPerConnection)} | {Kb(PlainBytesPerConnection)} | {CleanBackendBytesPerConnection / PlainBytesPerConnection:0.00}x | ≤ {BytesPerConnectionTarget / 1024:0} KB | {Met(CleanBackendBytesPerConnection <= BytesPerConnectionTarget)} |");
        text.AppendLine();
        text.AppendLine("How each figure is made:");
        text.AppendLine();
        text.AppendLine($"1. The load client (build/bench/RealtimeLoad, one process) opens {n} WebSocket connections to the plain hub " +
            $"(build/bench/PlainHub: `AddSignalR()`, one hub, `POST /broadcast` = `Clients.All.SendAsync`), then, after closing them, {n} to " +
            $"CleanBackend node 1, signed in as {settings.Users} users. Timing starts just before the trigger request and ends when the last connection has the " +
            "`broadcast` event. CleanBackend's trigger is the real `POST /api/admin/broadcast` as the admin: the broadcast is saved (with its " +
            "outbox row) and pushed after the commit, as in production, so the figure includes that database work; the node runs as deployed, " +
            "with `Realtime:Redis` set (it also publishes the broadcast to Redis for other nodes).");
        text.AppendLine($"2. As 1, with the {n} CleanBackend connections alternating between nodes 1 and 2; the broadcast goes through node 1, " +
            "which writes to its own connections and publishes once to Redis, from where node 2 writes the same bytes to its connections.");
        var requested = CrossNodeFromClient;
        text.AppendLine("3. CleanBackend's events for one user (notifications, `feedItem`) are sent by a node, after the commit, as " +
            "`Clients.User(id)` through the hub context. To measure the backplane rather than the database work in front of it, " +
            "build/bench/BackplaneHub runs two nodes of a hub on CleanBackend's own Redis backplane (the app's `AddRedisBackplane`): node 1 " +
            $"sends `pong` to 1,000 users connected to node 2, round-robin, at {settings.MessagesPerSecond:N0}/s for {settings.LatencyDuration.TotalSeconds:0} s " +
            "(`POST /emit`: the hub context, open loop on a thread of its own, after a warm-up second). Each message carries the moment it " +
            "was due and the moment it was sent; the client notes its arrival (Stopwatch is one monotonic clock for every process of the " +
            "machine). The figure is sent to arrived: serializing, PUBLISH, Redis, node 2, its WebSocket write and the client's read. " +
            $"{cross.Received:N0} of {cross.Sent:N0} arrived. Counted from the moment each was due instead, which adds the load generator's own " +
            $"punctuality (due to sent p99 {CrossNode.UntilSent.P99Ms:0.00} ms): p50 {CrossNode.Total.P50Ms:0.00} / p99 {CrossNode.Total.P99Ms:0.00} ms. " +
            $"For reference: the same to 1,000 users on node 1 itself, sent to arrived p50 {SameNode.AfterSent.P50Ms:0.00} / " +
            $"p99 {SameNode.AfterSent.P99Ms:0.00} ms. Messages requested by clients instead ({UserMessageLatency.Senders} connections on node 1 call " +
            "`Ping(user, stamp)`, the hub method sends to the user on node 2), which adds the requester's WebSocket hop and the hub's dispatch: " +
            $"p50 {requested.Total.P50Ms:0.00} / p99 {requested.Total.P99Ms:0.00} ms ({requested.Total.Received:N0} of {requested.Total.Sent:N0}), of which " +
            $"client to hub method p99 {requested.UntilSent.P99Ms:0.00} ms and hub method to receiver p99 {requested.AfterSent.P99Ms:0.00} ms. And the " +
            "floor of this machine at that moment, a bare Redis PUBLISH to a subscriber in the load client at the same rate (no hub, no " +
            $"WebSocket): p50 {RedisFloor.P50Ms:0.00} / p99 {RedisFloor.P99Ms:0.00} ms, max {RedisFloor.MaxMs:0.0} ms.");
        text.AppendLine($"4. Resident memory of the server process after the {n} connections were opened and left idle for 3 s, minus before, " +
            "divided by the connections. CleanBackend's includes what each connection costs beyond the bare hub: its Redis channel subscription, " +
            "its user's online entry, presence bookkeeping, the authenticated user. Default GC settings of both (server GC, as the Web SDK sets).");
        text.AppendLine();
        text.AppendLine("What the figures led to, and what they say:");
        text.AppendLine();
        text.AppendLine("- Memory (4): in a diagnostic build that forced a full GC before and after opening 5,000 connections (workstation GC), " +
            "the plain hub kept 19.5 KB of managed memory per idle connection (Kestrel's HTTP/1.1 connection, the WebSocket, SignalR's " +
            "pipes and connection context) and CleanBackend 30.8 KB, already with the first change the figures led to (the session " +
            "check queries in a scope of its own, so no DbContext stays in a hub connection's request scope: resident growth with " +
            "server GC went from 45.5 to 40.1 KB per connection, one noisy run each). The second, a validated token's principal keeping " +
            "only the four claims the app reads instead of the parsed token the handler attaches, brought it to 27.0 KB. Of the rest, the backplane's " +
            "share (connection channel subscription, user store entries) is about 0.4 KB, the token in the query string about 0.9 KB " +
            "(clients may send it in the Authorization header instead); the remainder is authentication state (ticket, handler, request " +
            "scope) that lives as long as the connection. Resident memory adds the GC's slack on top: more with server GC (the default " +
            "measured above) than with workstation GC (`DOTNET_gcServer=0`: 30-35 KB for CleanBackend and 24-26 KB for the plain hub in " +
            "those runs). The 25 KB target sits at the plain hub's own cost on this runtime, so it is not met.");
        text.AppendLine("- Latency (3): the median is well under a millisecond; the tail is set by how busy the machine is. A bare Redis " +
            "round trip (above) has a p99 of one to several milliseconds whenever other work runs, and a cross-node message passes through " +
            "four processes (load client, node 1, Redis, node 2) with a thread hand-off in each, so under contention its p99 is that floor " +
            "several times over; about half of it is spent before the hub method even runs. In the quiet moments of the development runs " +
            "(load average 1-3) the p99 came out between 4.7 and 7 ms, around the 5 ms target; under a load average of 10-20 it was 15-140 ms. Sending " +
            "from 8 connections instead of 50 added tens of milliseconds: a connection's invocations run one at a time, each awaiting " +
            "Redis' acknowledgement of its PUBLISH. Workstation GC on the hub nodes (`CLEANBACKEND_BENCH_SERVER_ENV=DOTNET_gcServer=0`) " +
            "gave shorter tails in each of four paired runs (p99 5.4 against 9.5 ms in a quiet moment, 11 against 67 ms in a busy one) " +
            "and less memory per connection (4): worth considering for nodes that mostly hold connections, though not measured for " +
            "REST throughput, so the defaults stay.");
        text.AppendLine();
        text.AppendLine($"The machine is shared: /proc/loadavg was `{LoadBefore}` when the run started and `{LoadAfter}` when it ended " +
            "(other work running besides the benchmark makes tails longer and figures noisier; compare runs only by their ratios and floors).");
        text.AppendLine();
        text.AppendLine($"Opening the connections took {string.Join(", ", ConnectSeconds.Select(c => $"{c.Value:0.0} s ({c.Key})"))}. Whole run: {TotalSeconds:0} s.");
        return text.ToString();
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
