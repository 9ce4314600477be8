using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CleanBackend.TestSupport;

/// <summary>
/// A small SignalR client speaking the JSON hub protocol over a real WebSocket (the .NET client package is not
/// in the feed). Events are queued per name and awaited with a timeout; invocations await their completion.
/// Invocations made by the test await their completion.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/realtime";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private const byte RecordSeparator = 0x1e;
    private const int InvocationType = 1;
    private const int CompletionType = 3;
    private const int PingType = 6;
    private const int CloseType = 7;

    // Keeps the server's client timeout (30 s without a message) from closing an idle test connection.
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _eventsByName = new();
    private readonly List<(string Name, JsonElement Payload)> _received = [];
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Received bytes not yet parsed: a WebSocket message may carry several records, or a record may span messages.
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private int _consumed;
    private Task _receiveLoop = Task.CompletedTask;
    private Task _pingLoop = Task.CompletedTask;
    private int _lastInvocationId;
    private int _disposed;

    private HubClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Completes when the server closes the connection, with the close message's error if it sent one.</summary>
    public Task<string?> Closed => _closed.Task;

    public static Task<HubClient> ConnectAsync(ApiFactory api, TestUser user) => ConnectAsync(api.ServerAddress, user.AccessToken);

    /// <summary>Connects to the app's hub at <see cref="HubPath"/> on this server, as the token's user.</summary>
    /// <exception cref="HubConnectRefusedException">The server refused the WebSocket upgrade (e.g. 401).</exception>
    public static Task<HubClient> ConnectAsync(Uri server, string? accessToken) =>
        ConnectToAsync(new UriBuilder(server)
        {
            Path = HubPath,
            Query = accessToken is null ? "" : "access_token=" + Uri.EscapeDataString(accessToken),
        }.Uri);

    /// <summary>
    /// Connects to the hub at exactly this http(s) address, path and query as given (any hub, not only the app's),
    /// straight over WebSockets (no negotiate), and completes the handshake.
    /// </summary>
    /// <exception cref="HubConnectRefusedException">The server refused the WebSocket upgrade (e.g. 401).</exception>
    public static async Task<HubClient> ConnectToAsync(Uri hubAddress)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(hubAddress) { Scheme = hubAddress.Scheme == "https" ? "wss" : "ws" }.Uri;

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        try
        {
            await socket.ConnectAsync(uri, timeout.Token);
        }
        catch (WebSocketException) when (socket.HttpStatusCode != 0 && socket.HttpStatusCode != HttpStatusCode.SwitchingProtocols)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new HubConnectRefusedException(status);
        }

        var client = new HubClient(socket);
        await client.SendRecordAsync("""{"protocol":"json","version":1}""");
        var handshake = await client.ReadRecordAsync(timeout.Token)
            ?? throw new InvalidOperationException("The server closed the connection during the handshake.");
        if (handshake.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"Handshake refused: {error.GetString()}");

        client._receiveLoop = Task.Run(client.ReceiveLoopAsync);
        client._pingLoop = Task.Run(client.PingLoopAsync);
        return client;
    }

    /// <summary>Invokes a hub method and returns its result; a completion with an error throws <see cref="HubInvocationException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var invocationId = Interlocked.Increment(ref _lastInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[invocationId] = completion;
        await SendRecordAsync(JsonSerializer.Serialize(new { type = InvocationType, invocationId, target, arguments }));
        return await completion.Task.WaitAsync(DefaultTimeout);
    }

    /// <summary>Invokes a hub method that must fail, and returns the error message the server sent.</summary>
    public async Task<string> InvokeExpectingErrorAsync(string target, params object?[] arguments)
    {
        try
        {
            var result = await InvokeAsync(target, arguments);
            throw new InvalidOperationException($"{target} was expected to fail but returned {result}.");
        }
        catch (HubInvocationException failed)
        {
            return failed.Message;
        }
    }

    /// <summary>Sends one protocol record as given, for input no well-behaved client would send.</summary>
    public Task SendRawAsync(string json) => SendRecordAsync(json);

    /// <summary>
    /// A round trip through the server: once it returns, everything the server sent this connection before it
    /// has arrived (one connection's messages stay in order). Lets a test assert something did NOT arrive.
    /// </summary>
    public Task SyncAsync() => InvokeExpectingErrorAsync("__sync__");

    /// <summary>The next event with this name (first argument), in arrival order.</summary>
    public async Task<JsonElement> NextAsync(string eventName, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        // Cancelling (not abandoning) the read matters: an abandoned pending read would swallow the next message.
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            return await EventsNamed(eventName).Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{eventName}' event within {limit.TotalSeconds:0.#} s. Received so far: {Describe()}");
        }
    }

    /// <summary>The next event with this name that matches, skipping (and dropping from the queue) those that don't.</summary>
    public async Task<JsonElement> WaitForAsync(string eventName, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            var next = await NextAsync(eventName, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1));
            if (match(next)) return next;
        }
    }

    /// <summary>Every event with this name received so far, in order (whether or not it was awaited).</summary>
    public IReadOnlyList<JsonElement> Received(string eventName)
    {
        lock (_received) return _received.Where(e => e.Name == eventName).Select(e => e.Payload).ToList();
    }

    /// <summary>Drops the connection without a close handshake, as a lost network would.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        // A second call does nothing (the IAsyncDisposable contract): a test may close early what `await using` closes again.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // A close handshake, as a client that leaves does (Abort is the lost network). It comes before stopping the
        // receive loop: cancelling a pending receive aborts the WebSocket, and the server's close answer ends the loop.
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _sendLock.WaitAsync(timeout.Token);
                try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token); }
                finally { _sendLock.Release(); }
                await _receiveLoop.WaitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { _socket.Abort(); }
        }
        await _stop.CancelAsync();
        await Task.WhenAll(_receiveLoop, _pingLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private Channel<JsonElement> EventsNamed(string eventName) =>
        _eventsByName.GetOrAdd(eventName, _ => Channel.CreateUnbounded<JsonElement>());

    private string Describe()
    {
        lock (_received) return _received.Count == 0 ? "nothing" : string.Join(", ", _received.Select(e => $"{e.Name} {e.Payload}"));
    }

    private async Task SendRecordAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token) && _socket.State == WebSocketState.Open)
                await SendRecordAsync("""{"type":6}""");
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is going away; the receive loop reports how.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        string? closeError = null;
        try
        {
            while (await ReadRecordAsync(_stop.Token) is { } record)
            {
                switch (record.GetProperty("type").GetInt32())
                {
                    case InvocationType:
                        Receive(record);
                        break;
                    case CompletionType:
                        Complete(record);
                        break;
                    case PingType:
                        break;
                    case CloseType:
                        closeError = record.TryGetProperty("error", out var error) ? error.GetString() : null;
                        return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            closeError ??= ex is OperationCanceledException ? null : ex.Message;
        }
        finally
        {
            var gone = new HubInvocationException($"The connection closed{(closeError is null ? "" : ": " + closeError)}.");
            foreach (var pending in _pending.Values) pending.TrySetException(gone);
            foreach (var channel in _eventsByName.Values) channel.Writer.TryComplete(gone);
            _closed.TrySetResult(closeError);
        }
    }

    private void Receive(JsonElement invocation)
    {
        var name = invocation.GetProperty("target").GetString()!;
        var arguments = invocation.GetProperty("arguments");
        var payload = arguments.GetArrayLength() > 0 ? arguments[0] : default;
        lock (_received) _received.Add((name, payload));
        EventsNamed(name).Writer.TryWrite(payload);
    }

    private void Complete(JsonElement completion)
    {
        var invocationId = completion.GetProperty("invocationId").GetString()!;
        if (!_pending.TryRemove(invocationId, out var pending)) return;
        if (completion.TryGetProperty("error", out var error)) pending.TrySetException(new HubInvocationException(error.GetString()!));
        else pending.TrySetResult(completion.TryGetProperty("result", out var result) ? result : default);
    }

    /// <summary>The next record (they end with 0x1e), or null when the server closed the WebSocket.</summary>
    private async Task<JsonElement?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var unread = _buffer.WrittenMemory[_consumed..];
            var end = unread.Span.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                var record = JsonDocument.Parse(unread[..end]).RootElement.Clone();
                _consumed += end + 1;
                if (_consumed == _buffer.WrittenCount)
                {
                    _buffer.Clear();
                    _consumed = 0;
                }
                return record;
            }

            var result = await _socket.ReceiveAsync(_buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            _buffer.Advance(result.Count);
        }
    }
}

/// <summary>The server answered an invocation with an error.</summary>
public sealed class HubInvocationException(string message) : Exception(message);

/// <summary>The server refused the WebSocket upgrade with this HTTP status.</summary>
public sealed class HubConnectRefusedException(HttpStatusCode status) : Exception($"The hub refused the connection: {(int)status} {status}.")
{
    public HttpStatusCode Status { get; } = status;
}
