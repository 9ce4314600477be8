using System.Diagnostics;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// Many hub connections opened together (a bounded number of handshakes at a time), kept alive with pings, and
/// closed together. Invocations from the server go to one handler shared by the set.
/// </summary>
public sealed class ConnectionSet : IAsyncDisposable
{
    private const int ConcurrentHandshakes = 64;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private readonly List<HubSocket> _sockets;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pinging;

    private ConnectionSet(List<HubSocket> sockets, TimeSpan openedIn)
    {
        _sockets = sockets;
        OpenedIn = openedIn;
        _pinging = Task.Run(PingLoopAsync);
    }

    public int Count => _sockets.Count;

    public TimeSpan OpenedIn { get; }

    public IReadOnlyList<HubSocket> Sockets => _sockets;

    /// <summary>Opens one connection per uri (uris may repeat), numbered from <paramref name="firstIndex"/>.</summary>
    public static async Task<ConnectionSet> OpenAsync(IReadOnlyList<Uri> uris, LoopbackSources sources, HubSocket.InvocationHandler onInvocation,
        string label, int firstIndex = 0)
    {
        var started = Stopwatch.StartNew();
        var sockets = new HubSocket[uris.Count];
        using var gate = new SemaphoreSlim(ConcurrentHandshakes);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var opened = 0;
        var tasks = uris.Select(async (uri, i) =>
        {
            await gate.WaitAsync(timeout.Token);
            try
            {
                sockets[i] = await HubSocket.ConnectAsync(uri, sources.Next(), onInvocation, firstIndex + i, timeout.Token);
                var count = Interlocked.Increment(ref opened);
                if (count % 2_000 == 0) Console.WriteLine($"  {label}: {count} of {uris.Count} connected ({started.Elapsed.TotalSeconds:0.0} s)");
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        Console.WriteLine($"  {label}: {uris.Count} connected in {started.Elapsed.TotalSeconds:0.0} s");
        return new ConnectionSet([.. sockets], started.Elapsed);
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var socket in _sockets)
                {
                    if (socket.IsOpen) _ = socket.SendPingAsync().ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pinging;
        using var gate = new SemaphoreSlim(256);
        await Task.WhenAll(_sockets.Select(async socket =>
        {
            await gate.WaitAsync();
            try
            {
                await socket.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
        _stop.Dispose();
    }
}
