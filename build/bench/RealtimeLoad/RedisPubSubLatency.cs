using System.Diagnostics;
using StackExchange.Redis;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// The floor under figure 3 on this machine: a bare Redis PUBLISH to a subscriber in this same process at the same
/// rate, stamped and timed like the hub messages but with no hub, no WebSocket and no server process in between.
/// </summary>
public static class RedisPubSubLatency
{
    public static async Task<LatencyResult> MeasureAsync(string redis, int perSecond, TimeSpan duration)
    {
        using var publisher = await ConnectionMultiplexer.ConnectAsync(redis);
        using var subscriber = await ConnectionMultiplexer.ConnectAsync(redis);
        var channel = new RedisChannel("bench-floor-" + Guid.NewGuid().ToString("N"), RedisChannel.PatternMode.Literal);
        var total = (int)(perSecond * duration.TotalSeconds);
        var samples = new long[total];
        var received = 0;
        await subscriber.GetSubscriber().SubscribeAsync(channel, (_, value) =>
        {
            var slot = Interlocked.Increment(ref received) - 1;
            if (slot < samples.Length) samples[slot] = Stopwatch.GetTimestamp() - (long)value;
        });

        var bus = publisher.GetSubscriber();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * perSecond));
            for (; sent < due; sent++) _ = bus.PublishAsync(channel, Stopwatch.GetTimestamp(), CommandFlags.FireAndForget);
            await Task.Delay(1);
        }
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref received) < sent && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        var count = Math.Min(Volatile.Read(ref received), samples.Length);
        return LatencyResult.From(sent, samples.AsSpan(0, count));
    }
}
