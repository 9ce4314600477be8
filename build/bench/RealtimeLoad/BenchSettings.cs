namespace CleanBackend.RealtimeLoad;

/// <summary>What build/bench-realtime.sh passes: the servers it started and the load to apply.</summary>
public sealed record BenchSettings(
    Uri Plain, int PlainPid, Uri PlainAuthenticated, int PlainAuthenticatedPid,
    Uri Node1, int Node1Pid, Uri Node2, int Node2Pid,
    Uri Backplane1, Uri Backplane2, Uri InProcess, string Redis,
    string AdminUser, string AdminPassword,
    int Connections, int Rounds, int Users, int MessagesPerSecond, TimeSpan LatencyDuration,
    bool Broadcasts, bool Latency, string ReportPath)
{
    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;

        return new BenchSettings(
            new Uri(Get("plain")), int.Parse(Get("plain-pid")), new Uri(Get("plain-auth")), int.Parse(Get("plain-auth-pid")),
            new Uri(Get("node1")), int.Parse(Get("node1-pid")), new Uri(Get("node2")), int.Parse(Get("node2-pid")),
            new Uri(Get("backplane1")), new Uri(Get("backplane2")), new Uri(Get("in-process")), Get("redis"),
            Get("admin-user"), Get("admin-password"),
            Number("connections", 10_000), Number("rounds", 15), Number("users", 100), Number("rate", 1_000),
            TimeSpan.FromSeconds(Number("seconds", 10)),
            Only("broadcasts"), Only("latency"),
            Get("report"));

        // --only broadcasts|latency runs part of the benchmark (while tuning one figure); the report shows what ran.
        bool Only(string part) => !values.TryGetValue("only", out var only) || only == part;
    }
}
