using System.Diagnostics;
using System.Globalization;
using CleanBackend.RealtimeLoad;

// The load client of build/bench-realtime.sh. Runs every measurement against servers the script started and writes
// the "Realtime on the official Redis backplane (issue 12)" section for docs/benchmarks.md. See the script for the setup.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.Parse(args);
using var sources = new LoopbackSources();
using var api = new CleanBackendApi(settings.Node1);
using var plainTrigger = new HttpClient { BaseAddress = settings.Plain };
var results = new BenchResults(settings);
var total = Stopwatch.StartNew();
results.LoadBefore = File.ReadAllText("/proc/loadavg").Trim();
var n = settings.Connections;
const int MemoryWarmUpConnections = 200;

if (settings.Broadcasts) await RunBroadcastsAsync();
if (settings.Latency) await RunLatencyAsync();

results.TotalSeconds = total.Elapsed.TotalSeconds;
results.LoadAfter = File.ReadAllText("/proc/loadavg").Trim();
var report = results.ToMarkdown();
Console.WriteLine();
Console.WriteLine(report);
await File.WriteAllTextAsync(settings.ReportPath, report);
return 0;

// (1), (2) and (4). One set of connections at a time (the file descriptor limit here is 20,000), in the order plain,
// CleanBackend on one node, on two nodes, plain again: the plain hub's figure is the median over both of its phases,
// so drift during the run (other work on the machine, a warming JIT) does not favour either side.
async Task RunBroadcastsAsync()
{
    Console.WriteLine($"Signing in {settings.Users} users and the admin on CleanBackend node 1");
    var tokens = await api.CreateUsersAsync(settings.Users);
    await api.SignInAdminAsync(settings.AdminUser, settings.AdminPassword);
    List<Uri> CleanBackendHubs(Func<int, Uri> node) =>
        Enumerable.Range(0, n).Select(i => new Uri($"ws://{node(i).Authority}/hubs/realtime?access_token={tokens[i % tokens.Count]}")).ToList();
    var plainHubs = Enumerable.Repeat(new Uri($"ws://{settings.Plain.Authority}/hub"), n).ToList();
    Task TriggerPlain() => plainTrigger.PostAsync("/broadcast", null).ContinueWith(t => t.Result.EnsureSuccessStatusCode());
    Task TriggerCleanBackend() => api.BroadcastAsync("Maintenance tonight at 22:00 UTC");

    Console.WriteLine($"(1) and (4): {n} connections to the plain hub");
    await MeasurePhaseAsync("plain hub", plainHubs, TriggerPlain, results.Plain, settings.PlainPid, bytes => results.PlainBytesPerConnection = bytes);
    Console.WriteLine($"(4): {n} signed-in connections to the plain hub with CleanBackend's JwtBearer setup (memory only)");
    await MeasureIdleMemoryAsync("plain hub, authenticated",
        Enumerable.Range(0, n).Select(i => new Uri($"ws://{settings.PlainAuthenticated.Authority}/hub?access_token={tokens[i % tokens.Count]}")).ToList(),
        settings.PlainAuthenticatedPid, bytes => results.PlainAuthenticatedBytesPerConnection = bytes);
    Console.WriteLine($"(1) and (4): {n} connections to CleanBackend node 1");
    await MeasurePhaseAsync("CleanBackend, one node", CleanBackendHubs(_ => settings.Node1), TriggerCleanBackend, results.OneNode,
        settings.Node1Pid, bytes => results.CleanBackendBytesPerConnection = bytes);
    Console.WriteLine($"(2): {n / 2} connections to each of CleanBackend nodes 1 and 2, broadcast through node 1");
    await MeasurePhaseAsync("CleanBackend, two nodes", CleanBackendHubs(i => i % 2 == 0 ? settings.Node1 : settings.Node2), TriggerCleanBackend,
        results.TwoNodes, pid: null, _ => { });
    Console.WriteLine($"{n} connections to the plain hub again");
    await MeasurePhaseAsync("plain hub (again)", plainHubs, TriggerPlain, results.Plain, pid: null, _ => { });
}

// Opens the connections, measures the idle memory they take when a pid is given, runs a warm-up round (JIT and
// first-use costs) and the measured rounds, and closes the connections.
async Task MeasurePhaseAsync(string name, List<Uri> uris, Func<Task> trigger, List<BroadcastResult> into, int? pid, Action<double> bytesPerConnection)
{
    // A few connections first, kept open while the others are counted, so the first connections' one-time costs (the
    // JIT compiling the connect path, caches filling) are not counted as memory per connection.
    await using var warmUp = pid is null ? null : await ConnectionSet.OpenAsync(uris.Take(MemoryWarmUpConnections).ToList(), sources, (_, _, _) => { }, $"{name} warm-up");
    var before = pid is { } p ? ProcessMemory.RssBytes(p) : 0;
    var target = await BroadcastTarget.OpenAsync(name, uris, sources);
    results.ConnectSeconds[name] = target.Connections.OpenedIn.TotalSeconds;
    if (pid is { } measured)
    {
        await Task.Delay(TimeSpan.FromSeconds(3)); // idle: what the connections themselves hold
        var perConnection = (ProcessMemory.RssBytes(measured) - before) / (double)uris.Count;
        Console.WriteLine($"  {name}: {perConnection / 1024:0.0} KB of resident memory per idle connection");
        bytesPerConnection(perConnection);
    }
    await target.MeasureAsync(trigger);
    for (var round = 1; round <= settings.Rounds; round++)
    {
        var result = await target.MeasureAsync(trigger);
        into.Add(result);
        Console.WriteLine($"  round {round}: {name} {result.AllMs:0.0} ms (first client {result.FirstMs:0.0} ms, median {result.MedianMs:0.0} ms)");
    }
    await target.Connections.DisposeAsync();
}

// (4) alone: opens the connections after 200 warm-up ones, and reports the resident memory they added once idle.
async Task MeasureIdleMemoryAsync(string name, List<Uri> uris, int pid, Action<double> bytesPerConnection)
{
    await using var warmUp = await ConnectionSet.OpenAsync(uris.Take(MemoryWarmUpConnections).ToList(), sources, (_, _, _) => { }, $"{name} warm-up");
    var before = ProcessMemory.RssBytes(pid);
    await using var connections = await ConnectionSet.OpenAsync(uris, sources, (_, _, _) => { }, name);
    await Task.Delay(TimeSpan.FromSeconds(3)); // idle: what the connections themselves hold
    var perConnection = (ProcessMemory.RssBytes(pid) - before) / (double)uris.Count;
    Console.WriteLine($"  {name}: {perConnection / 1024:0.0} KB of resident memory per idle connection");
    bytesPerConnection(perConnection);
}

// (3): user-targeted messages through CleanBackend's backplane: sent by node 1 itself (as notifications are), to users
// on node 2 and on node 1, and by a hub without a backplane to its own users; then requested by client connections on
// node 1 (the hub method sends), to users on node 2.
async Task RunLatencyAsync()
{
    Console.WriteLine($"(3): user-targeted messages at {settings.MessagesPerSecond}/s on CleanBackend's Redis backplane");
    await using var latency = new UserMessageLatency(sources);
    await latency.ConnectReceiversAsync("remote", settings.Backplane2, 1_000);
    await latency.ConnectReceiversAsync("local", settings.Backplane1, 1_000);
    await using (var floor = await RedisPubSubLatency.ConnectAsync(settings.Redis, settings.MessagesPerSecond))
    {
        results.CrossNode = await latency.MeasureServerSentAsync("remote", settings.Backplane1, settings.MessagesPerSecond, settings.LatencyDuration, floor);
        results.RedisFloor = floor.Result;
    }
    Console.WriteLine($"  across nodes, sent by node 1: sent to arrived {results.CrossNode.AfterSent}; from due {results.CrossNode.Total}; client GC paused {results.CrossNode.ClientGcPause.TotalMilliseconds:0.0} ms");
    Console.WriteLine($"  bare Redis pub/sub, in slices between the hub's: {results.RedisFloor}");
    results.SameNode = await latency.MeasureServerSentAsync("local", settings.Backplane1, settings.MessagesPerSecond, settings.LatencyDuration);
    Console.WriteLine($"  same node, sent by node 1: sent to arrived {results.SameNode.AfterSent}; from due {results.SameNode.Total}; client GC paused {results.SameNode.ClientGcPause.TotalMilliseconds:0.0} ms");
    await latency.ConnectReceiversAsync("inprocess", settings.InProcess, 1_000);
    results.InProcess = await latency.MeasureServerSentAsync("inprocess", settings.InProcess, settings.MessagesPerSecond, settings.LatencyDuration);
    await latency.DisconnectReceiversAsync("inprocess");
    Console.WriteLine($"  one hub without a backplane: sent to arrived {results.InProcess.AfterSent}; client GC paused {results.InProcess.ClientGcPause.TotalMilliseconds:0.0} ms");
    // Many senders, as requests come from many clients at once: one connection's invocations run one at a time, so a
    // few busy senders would measure their own queueing.
    await latency.ConnectSendersAsync(settings.Backplane1, UserMessageLatency.Senders);
    results.CrossNodeFromClient = await latency.MeasureClientSentAsync("remote", settings.MessagesPerSecond, settings.LatencyDuration);
    Console.WriteLine($"  across nodes, requested by a client of node 1: {results.CrossNodeFromClient.Total}; client GC paused {results.CrossNodeFromClient.ClientGcPause.TotalMilliseconds:0.0} ms");
}
