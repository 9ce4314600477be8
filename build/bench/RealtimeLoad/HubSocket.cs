using System.Net.WebSockets;
using System.Text;

namespace CleanBackend.RealtimeLoad;

/// <summary>
/// One hub connection speaking the JSON hub protocol over a raw WebSocket: handshake, then every invocation the
/// server sends is handed to <see cref="InvocationHandler"/> with its target and raw record (no JSON parsing on the
/// hot path, so the client measures the server rather than itself).
/// Hand-rolled on purpose, the one hub client in the repository that is not an official SignalR client: the load
/// generator holds 10,000 connections from one process, and a Microsoft.AspNetCore.SignalR.Client HubConnection per
/// connection (its pipes, timers and handler tables) would make the client, not the server, the bottleneck.
/// Tests use the official clients (tests/TestSupport/RecordingHubConnection.cs and @microsoft/signalr under node).
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    public delegate void InvocationHandler(HubSocket socket, string target, ReadOnlySpan<byte> record);

    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly byte[] InvocationType = "\"type\":1"u8.ToArray();
    private static readonly byte[] TargetKey = "\"target\":\""u8.ToArray();

    private readonly ClientWebSocket _socket;
    private readonly InvocationHandler _onInvocation;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = new byte[1024];
    private int _filled;
    private Task _receiving = Task.CompletedTask;

    private HubSocket(ClientWebSocket socket, InvocationHandler onInvocation, int index)
    {
        _socket = socket;
        _onInvocation = onInvocation;
        Index = index;
    }

    /// <summary>The connection's number within its set, for per-connection bookkeeping.</summary>
    public int Index { get; }

    public static async Task<HubSocket> ConnectAsync(Uri uri, HttpMessageInvoker invoker, InvocationHandler onInvocation, int index, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        // The hub pings at the application level; WebSocket keep-alive frames would only add traffic.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(uri, invoker, cancellationToken);
        var hub = new HubSocket(socket, onInvocation, index);
        await hub.SendAsync(Handshake, cancellationToken);
        var answer = await hub.ReadHandshakeAnswerAsync(cancellationToken);
        if (answer.Contains("error", StringComparison.Ordinal)) throw new InvalidOperationException($"Handshake refused by {uri}: {answer}");
        hub._receiving = Task.Run(hub.ReceiveLoopAsync, CancellationToken.None);
        return hub;
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public Task SendPingAsync() => SendAsync(Ping, CancellationToken.None);

    /// <summary>Sends one complete record (ending with 0x1e).</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<string> ReadHandshakeAnswerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = Array.IndexOf(_buffer, RecordSeparator, 0, _filled);
            if (end >= 0)
            {
                var answer = Encoding.UTF8.GetString(_buffer, 0, end);
                Consume(end + 1);
                return answer;
            }
            await ReceiveMoreAsync(cancellationToken);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (await ReceiveMoreAsync(CancellationToken.None))
            {
                var start = 0;
                int end;
                while ((end = Array.IndexOf(_buffer, RecordSeparator, start, _filled - start)) >= 0)
                {
                    Dispatch(_buffer.AsSpan(start, end - start));
                    start = end + 1;
                }
                Consume(start);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended; the measurements notice the missing messages.
        }
    }

    private void Dispatch(ReadOnlySpan<byte> record)
    {
        if (record.IndexOf(InvocationType) < 0) return;
        var targetAt = record.IndexOf(TargetKey);
        if (targetAt < 0) return;
        var name = record[(targetAt + TargetKey.Length)..];
        var target = Encoding.UTF8.GetString(name[..name.IndexOf((byte)'"')]);
        _onInvocation(this, target, record);
    }

    /// <summary>False when the server closed the connection.</summary>
    private async Task<bool> ReceiveMoreAsync(CancellationToken cancellationToken)
    {
        if (_filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var result = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), cancellationToken);
        if (result.MessageType == WebSocketMessageType.Close) return false;
        _filled += result.Count;
        return true;
    }

    private void Consume(int count)
    {
        if (count == 0) return;
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _filled - count);
        _filled -= count;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
        await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
