using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>
/// A SignalR client speaking the JSON hub protocol over a real WebSocket (there is no .NET SignalR client package
/// here): handshake, invocations with completions, and the server's invocations in arrival order. Pings are skipped.
/// </summary>
public sealed class HubWebSocketClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<HubInvocation> _invocations = Channel.CreateUnbounded<HubInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _completions = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly StringBuilder _partial = new();
    private Task _receiving = Task.CompletedTask;
    private int _lastInvocationId;
    private int _disposed;

    private HubWebSocketClient()
    {
    }

    public string ConnectionId { get; private set; } = "";

    /// <summary>
    /// Connects and completes the handshake, then asks the hub for the connection id: its answer also proves the
    /// server finished registering the connection (the lifetime manager's OnConnectedAsync runs before any invocation).
    /// </summary>
    public static async Task<HubWebSocketClient> ConnectAsync(Uri server, string hubPath, string? user = null)
    {
        var client = new HubWebSocketClient();
        var uri = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = hubPath };
        if (user is not null) uri.Query = "user=" + Uri.EscapeDataString(user);
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await client._socket.ConnectAsync(uri.Uri, timeout.Token);
        await client.SendRecordAsync("""{"protocol":"json","version":1}""");
        var handshake = await client.ReceiveRecordsAsync(timeout.Token);
        if (handshake.Count == 0 || handshake[0] != "{}")
            throw new InvalidOperationException($"Handshake failed: {string.Join(" | ", handshake)}");
        client._receiving = client.ReceiveLoopAsync(handshake.Skip(1).ToList());
        client.ConnectionId = (await client.InvokeAsync("ConnectionId")).GetString()!;
        return client;
    }

    /// <summary>Invokes a hub method and returns its result; a hub error becomes <see cref="HubErrorException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] args)
    {
        var id = Interlocked.Increment(ref _lastInvocationId).ToString();
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _completions[id] = completion;
        await SendRecordAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments = args }));
        var message = await completion.Task.WaitAsync(DefaultTimeout);
        if (message.TryGetProperty("error", out var error)) throw new HubErrorException(error.GetString()!);
        return message.TryGetProperty("result", out var result) ? result.Clone() : default;
    }

    /// <summary>The next invocation the server sent this client.</summary>
    public async Task<HubInvocation> NextAsync(TimeSpan? timeout = null)
    {
        // Cancelling (not abandoning) the read matters: an abandoned pending read would swallow the next message.
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _invocations.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"No message from the hub within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s.");
        }
    }

    /// <summary>The next invocation, which must be <paramref name="target"/>; returns its first argument.</summary>
    public async Task<JsonElement> NextArgumentAsync(string target, TimeSpan? timeout = null)
    {
        var invocation = await NextAsync(timeout);
        Assert.Equal(target, invocation.Target);
        return invocation.Arguments[0];
    }

    /// <summary>True if an invocation arrived without waiting (used only after a later marker proved delivery order).</summary>
    public bool TryTakeNext(out HubInvocation invocation) => _invocations.Reader.TryRead(out invocation!);

    private async Task ReceiveLoopAsync(List<string> pending)
    {
        try
        {
            foreach (var record in pending) Dispatch(record);
            while (!_closing.IsCancellationRequested)
            {
                var records = await ReceiveRecordsAsync(_closing.Token);
                if (records.Count == 0) break;
                foreach (var record in records) Dispatch(record);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _invocations.Writer.TryComplete();
            foreach (var completion in _completions.Values) completion.TrySetCanceled();
        }
    }

    private void Dispatch(string record)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                var arguments = root.GetProperty("arguments").EnumerateArray().Select(a => a.Clone()).ToArray();
                _invocations.Writer.TryWrite(new HubInvocation(root.GetProperty("target").GetString()!, arguments));
                break;
            case 3:
                if (_completions.TryRemove(root.GetProperty("invocationId").GetString()!, out var completion))
                    completion.TrySetResult(root.Clone());
                break;
            case 7:
                _invocations.Writer.TryComplete(new InvalidOperationException($"Server closed the connection: {record}"));
                break;
        }
    }

    // The JSON protocol ends every record with 0x1E; one WebSocket message may hold several records, or part of one.
    private async Task<List<string>> ReceiveRecordsAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close) return [];
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                _partial.Append(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                var text = _partial.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0) continue;
                _partial.Clear().Append(text[(end + 1)..]);
                var records = text[..end].Split(RecordSeparator).Where(r => !IsPing(r)).ToList();
                if (records.Count > 0) return records;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsPing(string record) => record.Replace(" ", "") == """{"type":6}""";

    private async Task SendRecordAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                await _receiving.WaitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }
        _closing.Cancel();
        _socket.Dispose();
        _closing.Dispose();
    }
}

public sealed record HubInvocation(string Target, JsonElement[] Arguments);

public sealed class HubErrorException(string message) : Exception(message);
