using System.Net;
using System.Net.Sockets;

namespace CleanBackend.TestSupport;

public static class LoopbackPort
{
    /// <summary>A port nobody listens on right now (the kernel picks it; the tiny race until it is used is accepted).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until something accepts TCP connections on the port, for servers that signal readiness no other way.</summary>
    public static async Task WaitUntilAcceptingAsync(int port, Func<bool> serverExited, Func<string> describeFailure, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (serverExited()) throw new InvalidOperationException(describeFailure());
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("Nothing accepts connections on port " + port + ". " + describeFailure());
                await Task.Delay(50);
            }
        }
    }
}
