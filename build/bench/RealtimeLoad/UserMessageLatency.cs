using System.Buffers.Text;
using System.Diagnostics;
using System.Text;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// Latency of user-targeted messages: sender connections call <c>Ping(userId, stamp)</c> on one node at a fixed
/// rate (open loop: late sends are caught up, never skipped); the node sends <c>pong(stamp, hubStamp)</c> to that
/// user, whose connection may be on another node. Latency = arrival time - stamp; it splits at hubStamp, taken by
/// the hub method (Stopwatch is the machine's monotonic clock, the same in every process).
/// </summary>
public sealed class UserMessageLatency : IAsyncDisposable
{
    public const int Senders = 50;

    private static readonly byte[] ArgumentsKey = "\"arguments\":["u8.ToArray();

    private readonly LoopbackSources _sources;
    private ConnectionSet _senders = null!;
    private readonly Dictionary<string, ConnectionSet> _receivers = [];
    private long[] _samples = [];
    private long[] _toHub = [];
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

    /// <summary>Sends to users <paramref name="prefix"/>* at <paramref name="perSecond"/> for the duration (after a warm-up second).</summary>
    public async Task<UserLatency> MeasureAsync(string prefix, int perSecond, TimeSpan duration)
    {
        var users = _receivers[prefix].Count;
        await SendAtRateAsync(prefix, users, perSecond, TimeSpan.FromSeconds(1), record: false);
        await Task.Delay(500); // lets the warm-up's last messages land before counting starts
        var total = (int)(perSecond * duration.TotalSeconds);
        _samples = new long[total];
        _toHub = new long[total];
        _received = 0;
        Volatile.Write(ref _recording, 1);
        var sent = await SendAtRateAsync(prefix, users, perSecond, duration, record: true);
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref _received) < sent && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        Volatile.Write(ref _recording, 0);
        var count = Math.Min(Volatile.Read(ref _received), _samples.Length);
        var fromHub = new long[count];
        for (var i = 0; i < count; i++) fromHub[i] = _samples[i] - _toHub[i];
        return new UserLatency(LatencyResult.From(sent, _samples.AsSpan(0, count)), LatencyResult.From(sent, _toHub.AsSpan(0, count)),
            LatencyResult.From(sent, fromHub));
    }

    private async Task<int> SendAtRateAsync(string prefix, int users, int perSecond, TimeSpan duration, bool record)
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
        return record ? sent : 0;
    }

    private void OnInvocation(HubSocket socket, string target, ReadOnlySpan<byte> record)
    {
        if (target != "pong" || Volatile.Read(ref _recording) == 0) return;
        var now = Stopwatch.GetTimestamp();
        var at = record.IndexOf(ArgumentsKey);
        if (at < 0) return;
        var arguments = record[(at + ArgumentsKey.Length)..];
        if (!Utf8Parser.TryParse(arguments, out long stamp, out var length)
            || !Utf8Parser.TryParse(arguments[(length + 1)..], out long hubStamp, out _)) return;
        var slot = Interlocked.Increment(ref _received) - 1;
        if (slot >= _samples.Length) return;
        _samples[slot] = now - stamp;
        _toHub[slot] = hubStamp - stamp;
    }

    private static Uri HubUri(Uri node, string user) => new($"ws://{node.Authority}/hub?user={user}");

    public async ValueTask DisposeAsync()
    {
        if (_senders is not null) await _senders.DisposeAsync();
        foreach (var receivers in _receivers.Values) await receivers.DisposeAsync();
    }
}

/// <summary>Sender to receiver, and its two parts: sender to the hub method, hub method to receiver.</summary>
public readonly record struct UserLatency(LatencyResult Total, LatencyResult ToHub, LatencyResult FromHub);

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
