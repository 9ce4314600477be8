using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// Latency of user-targeted messages <c>pong(stamp, sentStamp)</c> at a fixed rate (open loop: late sends are caught
/// up, never skipped), to users whose connections may be on another node. Sent either by a node itself, or on the
/// request of sender connections calling <c>Ping(userId, stamp)</c>. Latency = arrival time - stamp; it splits at
/// sentStamp, taken when the node sent the message (Stopwatch is the machine's monotonic clock, the same in every
/// process).
/// </summary>
public sealed class UserMessageLatency : IAsyncDisposable
{
    public const int Senders = 50;

    /// <summary>Sends at the same rate before measuring, unrecorded, as long as the measurement: the JIT's second tier and the collections after the connections were opened happen here.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    /// <summary>Slices of the hub's measurement that alternate with as many of the floor's, when it is measured beside it.</summary>
    public const int FloorSlices = 5;

    /// <summary>The floor's unrecorded warm-up: its connections are new when the hub's measurement starts.</summary>
    public static readonly TimeSpan FloorWarmUp = TimeSpan.FromSeconds(2);

    private static readonly byte[] ArgumentsKey = "\"arguments\":["u8.ToArray();

    private readonly LoopbackSources _sources;
    private ConnectionSet _senders = null!;
    private readonly Dictionary<string, ConnectionSet> _receivers = [];
    private long[] _samples = [];
    private long[] _untilSent = [];
    private int _received;
    private int _recording;

    public UserMessageLatency(LoopbackSources sources) => _sources = sources;

    public async Task ConnectSendersAsync(Uri node, int count) =>
        _senders = await ConnectionSet.OpenAsync(Enumerable.Range(0, count).Select(i => HubUri(node, $"sender{i}")).ToList(),
            _sources, (_, _, _) => { }, "latency senders");

    /// <summary>Connects users <paramref name="prefix"/>0..count-1 to <paramref name="node"/>.</summary>
    public async Task ConnectReceiversAsync(string prefix, Uri node, int count) =>
        _receivers[prefix] = await ConnectionSet.OpenAsync(Enumerable.Range(0, count).Select(i => HubUri(node, prefix + i)).ToList(),
            _sources, OnInvocation, $"latency receivers {prefix}*");

    /// <summary>Closes the connections of users <paramref name="prefix"/>*.</summary>
    public async Task DisconnectReceiversAsync(string prefix)
    {
        if (_receivers.Remove(prefix, out var receivers)) await receivers.DisposeAsync();
    }

    /// <summary>
    /// Messages sent by the node at <paramref name="emitter"/> itself (its IHubContext, as CleanBackend's notification
    /// handlers send) to users <paramref name="prefix"/>* at <paramref name="perSecond"/> for the duration, after a
    /// warm-up. The split is at the moment the node sent each message, against the moment it was due. With a
    /// <paramref name="floor"/>, the duration is cut into <see cref="FloorSlices"/> slices, each followed by as long a
    /// slice of the floor (after its own warm-up).
    /// </summary>
    public Task<UserLatency> MeasureServerSentAsync(string prefix, Uri emitter, int perSecond, TimeSpan duration, RedisPubSubLatency? floor = null) =>
        MeasureAsync(seconds => EmitAsync(emitter, prefix, _receivers[prefix].Count, perSecond, seconds), perSecond, duration, floor);

    /// <summary>As <see cref="MeasureServerSentAsync"/>, each message requested by a sender connection's hub call, split at the hub method.</summary>
    public Task<UserLatency> MeasureClientSentAsync(string prefix, int perSecond, TimeSpan duration) =>
        MeasureAsync(seconds => SendAtRateAsync(prefix, _receivers[prefix].Count, perSecond, seconds), perSecond, duration, floor: null);

    private async Task<UserLatency> MeasureAsync(Func<TimeSpan, Task<int>> send, int perSecond, TimeSpan duration, RedisPubSubLatency? floor)
    {
        await send(WarmUp);
        await Task.Delay(500); // lets the warm-up's last messages land before counting starts
        // The client's garbage (in a full run, that of the broadcast phases' tens of thousands of connections) is
        // collected before counting: a collection in the middle of a measurement would count as the servers' delay.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (floor is not null) await floor.RunAsync(FloorWarmUp, record: false);
        var total = (int)(perSecond * duration.TotalSeconds);
        _samples = new long[total];
        _untilSent = new long[total];
        _received = 0;
        var slices = floor is null ? 1 : FloorSlices;
        var sent = 0;
        var gcPauseBefore = GC.GetTotalPauseDuration();
        for (var slice = 0; slice < slices; slice++)
        {
            Volatile.Write(ref _recording, 1);
            sent += await send(duration / slices);
            var deadline = Stopwatch.StartNew();
            while (Volatile.Read(ref _received) < sent && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
            Volatile.Write(ref _recording, 0);
            if (floor is not null) await floor.RunAsync(duration / slices, record: true);
        }
        var count = Math.Min(Volatile.Read(ref _received), _samples.Length);
        var afterSent = new long[count];
        for (var i = 0; i < count; i++) afterSent[i] = _samples[i] - _untilSent[i];
        return new UserLatency(LatencyResult.From(sent, _samples.AsSpan(0, count)), LatencyResult.From(sent, _untilSent.AsSpan(0, count)),
            LatencyResult.From(sent, afterSent), GC.GetTotalPauseDuration() - gcPauseBefore);
    }

    private static async Task<int> EmitAsync(Uri emitter, string prefix, int users, int perSecond, TimeSpan duration)
    {
        using var http = new HttpClient { BaseAddress = emitter, Timeout = duration + TimeSpan.FromSeconds(60) };
        var query = $"/emit?prefix={prefix}&users={users}&rate={perSecond}&seconds={duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}";
        using var response = await http.PostAsync(query, null);
        response.EnsureSuccessStatusCode();
        return (int)(perSecond * duration.TotalSeconds);
    }

    private async Task<int> SendAtRateAsync(string prefix, int users, int perSecond, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var total = (int)(perSecond * duration.TotalSeconds);
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * perSecond));
            for (; sent < due; sent++)
            {
                var sender = _senders.Sockets[sent % _senders.Count];
                var invocation = Encoding.UTF8.GetBytes(
                    $"{{\"type\":1,\"target\":\"Ping\",\"arguments\":[\"{prefix}{sent % users}\",{Stopwatch.GetTimestamp()}]}}\u001e");
                await sender.SendAsync(invocation, CancellationToken.None);
            }
            await Task.Delay(1);
        }
        return sent;
    }

    private void OnInvocation(HubSocket socket, string target, ReadOnlySpan<byte> record)
    {
        if (target != "pong" || Volatile.Read(ref _recording) == 0) return;
        var now = Stopwatch.GetTimestamp();
        var at = record.IndexOf(ArgumentsKey);
        if (at < 0) return;
        var arguments = record[(at + ArgumentsKey.Length)..];
        if (!Utf8Parser.TryParse(arguments, out long stamp, out var length)
            || !Utf8Parser.TryParse(arguments[(length + 1)..], out long sentStamp, out _)) return;
        var slot = Interlocked.Increment(ref _received) - 1;
        if (slot >= _samples.Length) return;
        _samples[slot] = now - stamp;
        _untilSent[slot] = sentStamp - stamp;
    }

    private static Uri HubUri(Uri node, string user) => new($"ws://{node.Authority}/hub?user={user}");

    public async ValueTask DisposeAsync()
    {
        if (_senders is not null) await _senders.DisposeAsync();
        foreach (var receivers in _receivers.Values) await receivers.DisposeAsync();
    }
}

/// <summary>
/// Stamp to arrival, and its two parts: until the node sent the message, and from there to the receiver; and how long
/// the load client's own GC paused it meanwhile (time it could not note arrivals).
/// </summary>
public readonly record struct UserLatency(LatencyResult Total, LatencyResult UntilSent, LatencyResult AfterSent, TimeSpan ClientGcPause);

/// <summary>Messages sent and received while measuring, and latency percentiles in milliseconds.</summary>
public readonly record struct LatencyResult(int Sent, int Received, double P50Ms, double P99Ms, double P999Ms, double MaxMs)
{
    /// <summary>From latencies in Stopwatch ticks.</summary>
    public static LatencyResult From(int sent, ReadOnlySpan<long> ticks)
    {
        var milliseconds = new double[ticks.Length];
        for (var i = 0; i < ticks.Length; i++) milliseconds[i] = ticks[i] * 1000.0 / Stopwatch.Frequency;
        Array.Sort(milliseconds);
        return new LatencyResult(sent, ticks.Length, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.99), Percentile(milliseconds, 0.999),
            milliseconds.Length == 0 ? double.NaN : milliseconds[^1]);
    }

    public override string ToString() => $"p50 {P50Ms:0.00} ms, p99 {P99Ms:0.00} ms, p99.9 {P999Ms:0.00} ms, max {MaxMs:0.0} ms ({Received} of {Sent})";

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
