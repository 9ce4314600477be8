using System.Net;
using System.Net.Sockets;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// Spreads connections over source addresses 127.0.0.2, 127.0.0.3, ... (every 127/8 address is local on Linux), a
/// block of <see cref="ConnectionsPerAddress"/> each, so tens of thousands of connections never run out of ephemeral
/// ports, whatever earlier runs left in TIME_WAIT. One HTTP handler per address binds its sockets there.
/// </summary>
public sealed class LoopbackSources : IDisposable
{
    public const int ConnectionsPerAddress = 5_000;

    private readonly Dictionary<int, HttpMessageInvoker> _invokers = [];
    private int _next;

    /// <summary>The invoker for the next connection.</summary>
    public HttpMessageInvoker Next()
    {
        var block = Interlocked.Increment(ref _next) / ConnectionsPerAddress;
        lock (_invokers)
        {
            if (!_invokers.TryGetValue(block, out var invoker))
                _invokers[block] = invoker = new HttpMessageInvoker(CreateHandler(new IPAddress([127, 0, (byte)(block / 250), (byte)(2 + block % 250)])));
            return invoker;
        }
    }

    private static SocketsHttpHandler CreateHandler(IPAddress source) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public void Dispose()
    {
        foreach (var invoker in _invokers.Values) invoker.Dispose();
    }
}
