using System.Diagnostics;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// A set of connections that receive <c>broadcast</c> events, and the measurement of one broadcast: from just before
/// the trigger (an HTTP request to a server) until the last connection has the event.
/// </summary>
public sealed class BroadcastTarget
{
    private Round? _current;

    public string Name { get; }

    public ConnectionSet Connections { get; private set; } = null!;

    private BroadcastTarget(string name) => Name = name;

    public static async Task<BroadcastTarget> OpenAsync(string name, IReadOnlyList<Uri> uris, LoopbackSources sources)
    {
        var target = new BroadcastTarget(name);
        target.Connections = await ConnectionSet.OpenAsync(uris, sources, target.OnInvocation, name);
        return target;
    }

    /// <summary>Triggers one broadcast and waits until every connection has it.</summary>
    public async Task<BroadcastResult> MeasureAsync(Func<Task> trigger)
    {
        var round = new Round(Connections.Count);
        _current = round;
        round.Start();
        await trigger();
        return await round.WaitAsync(TimeSpan.FromSeconds(60), Name);
    }

    private void OnInvocation(HubSocket socket, string target, ReadOnlySpan<byte> record)
    {
        if (target == "broadcast") _current?.Arrived(socket.Index);
    }

    private sealed class Round(int connections)
    {
        private readonly long[] _arrivals = new long[connections];
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = connections;
        private long _started;

        public void Start() => _started = Stopwatch.GetTimestamp();

        public void Arrived(int index)
        {
            if (Interlocked.CompareExchange(ref _arrivals[index], Stopwatch.GetTimestamp(), 0) == 0 && Interlocked.Decrement(ref _remaining) == 0)
                _all.TrySetResult();
        }

        public async Task<BroadcastResult> WaitAsync(TimeSpan timeout, string name)
        {
            try
            {
                await _all.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{name}: {Volatile.Read(ref _remaining)} of {_arrivals.Length} connections did not get the broadcast within {timeout.TotalSeconds:0} s.");
            }
            var sorted = _arrivals.Select(a => Stopwatch.GetElapsedTime(_started, a).TotalMilliseconds).Order().ToArray();
            return new BroadcastResult(AllMs: sorted[^1], MedianMs: sorted[sorted.Length / 2], FirstMs: sorted[0]);
        }
    }
}

/// <summary>Milliseconds from the trigger until the last, the median and the first connection had the broadcast.</summary>
public readonly record struct BroadcastResult(double AllMs, double MedianMs, double FirstMs);
