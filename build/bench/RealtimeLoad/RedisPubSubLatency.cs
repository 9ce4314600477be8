using System.Diagnostics;
using StackExchange.Redis;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// The floor under figure 3 on this machine: a bare Redis PUBLISH to a subscriber in this same process at the same
/// rate, stamped and timed like the hub messages but with no hub, no WebSocket and no server process in between.
/// Run in slices that alternate with the hub's (<see cref="UserMessageLatency"/>), so that both are measured in the
/// same seconds of a shared machine, and never at the same moment as the hub's: in one process the two slowed each other.
/// </summary>
public sealed class RedisPubSubLatency : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _publisher;
    private readonly ConnectionMultiplexer _subscriber;
    private readonly RedisChannel _channel = RedisChannel.Literal("bench-floor-" + Guid.NewGuid().ToString("N"));
    private readonly int _perSecond;
    private readonly List<long> _samples = [];
    private int _sent;
    private int _arrived;
    private int _recording;

    private RedisPubSubLatency(ConnectionMultiplexer publisher, ConnectionMultiplexer subscriber, int perSecond)
    {
        _publisher = publisher;
        _subscriber = subscriber;
        _perSecond = perSecond;
    }

    public static async Task<RedisPubSubLatency> ConnectAsync(string redis, int perSecond)
    {
        var floor = new RedisPubSubLatency(await ConnectionMultiplexer.ConnectAsync(redis), await ConnectionMultiplexer.ConnectAsync(redis), perSecond);
        await floor._subscriber.GetSubscriber().SubscribeAsync(floor._channel, (_, value) => floor.OnMessage(Stopwatch.GetTimestamp() - (long)value));
        return floor;
    }

    /// <summary>Messages counted so far (only those of recorded slices), and their latency percentiles.</summary>
    public LatencyResult Result
    {
        get
        {
            lock (_samples) return LatencyResult.From(_sent, _samples.ToArray());
        }
    }

    /// <summary>Publishes at the rate for <paramref name="duration"/> and waits for the messages to arrive (10 s at most); counted when <paramref name="record"/>.</summary>
    public async Task RunAsync(TimeSpan duration, bool record)
    {
        var bus = _publisher.GetSubscriber();
        var total = (int)(_perSecond * duration.TotalSeconds);
        var expected = Volatile.Read(ref _arrived) + total;
        Volatile.Write(ref _recording, record ? 1 : 0);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * _perSecond));
            for (; sent < due; sent++) _ = bus.PublishAsync(_channel, Stopwatch.GetTimestamp(), CommandFlags.FireAndForget);
            await Task.Delay(1);
        }
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref _arrived) < expected && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        Volatile.Write(ref _recording, 0);
        if (record) _sent += total;
    }

    private void OnMessage(long ticks)
    {
        Interlocked.Increment(ref _arrived);
        if (Volatile.Read(ref _recording) == 0) return;
        lock (_samples) _samples.Add(ticks);
    }

    public async ValueTask DisposeAsync()
    {
        await _subscriber.DisposeAsync();
        await _publisher.DisposeAsync();
    }
}
