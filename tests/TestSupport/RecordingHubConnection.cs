using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using CleanBackend.Application.Common.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CleanBackend.TestSupport;

/// <summary>
/// A connection of the official .NET SignalR client (Microsoft.AspNetCore.SignalR.Client) that records the events it
/// receives: queued per name and awaited with a timeout, so a test can wait for the next one or check that one did
/// not come. WebSockets only, without negotiate (like the demo SPA behind nginx, where negotiate and the WebSocket
/// could reach different nodes).
/// </summary>
public sealed class RecordingHubConnection : IAsyncDisposable
{
    public const string HubPath = "/hubs/realtime";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Every event the app's hub sends.</summary>
    public static readonly IReadOnlyList<string> AppEvents = typeof(RealtimeEvents).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _eventsByName = new();
    private readonly List<(string Name, JsonElement Payload)> _received = [];
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientWebSocket? _socket;
    private int _disposed;

    private RecordingHubConnection(Uri hubAddress, IEnumerable<string> eventNames)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(hubAddress, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                // Our own socket, so a refused upgrade reports its HTTP status and Abort can drop the network.
                options.WebSocketFactory = ConnectSocketAsync;
            })
            .Build();
        foreach (var name in eventNames)
            _connection.On(name, [typeof(JsonElement)], (arguments, _) => Record(name, (JsonElement)arguments[0]!), this);
        _connection.Closed += error =>
        {
            var gone = new HubException($"The connection closed{(error is null ? "" : ": " + error.Message)}.");
            foreach (var channel in _eventsByName.Values) channel.Writer.TryComplete(gone);
            _closed.TrySetResult(error?.Message);
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the connection closes, with the server's (or transport's) error if there was one.</summary>
    public Task<string?> Closed => _closed.Task;

    public string? ConnectionId => _connection.ConnectionId;

    public static Task<RecordingHubConnection> ConnectAsync(ApiFactory api, TestUser user) => ConnectAsync(api.ServerAddress, user.AccessToken);

    /// <summary>Connects to the app's hub at <see cref="HubPath"/> on this server, as the token's user.</summary>
    /// <exception cref="HubConnectRefusedException">The server refused the WebSocket upgrade (e.g. 401).</exception>
    public static Task<RecordingHubConnection> ConnectAsync(Uri server, string? accessToken) =>
        ConnectToAsync(new UriBuilder(server)
        {
            Path = HubPath,
            Query = accessToken is null ? "" : "access_token=" + Uri.EscapeDataString(accessToken),
        }.Uri, AppEvents);

    /// <summary>
    /// Connects to the hub at exactly this address, path and query as given (any hub, not only the app's),
    /// recording these events.
    /// </summary>
    /// <exception cref="HubConnectRefusedException">The server refused the WebSocket upgrade (e.g. 401).</exception>
    public static async Task<RecordingHubConnection> ConnectToAsync(Uri hubAddress, IEnumerable<string> eventNames)
    {
        var client = new RecordingHubConnection(hubAddress, eventNames);
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        try
        {
            await client._connection.StartAsync(timeout.Token);
        }
        catch (Exception) when (client._socket is { HttpStatusCode: not 0 and not HttpStatusCode.SwitchingProtocols } refused)
        {
            var status = refused.HttpStatusCode;
            await client._connection.DisposeAsync();
            throw new HubConnectRefusedException(status);
        }
        return client;
    }

    /// <summary>Invokes a hub method and returns its result; an error from the server throws <see cref="HubException"/>.</summary>
    public Task<JsonElement> InvokeAsync(string target, params object?[] arguments) =>
        _connection.InvokeCoreAsync<JsonElement>(target, arguments).WaitAsync(DefaultTimeout);

    /// <summary>Invokes a hub method that must fail, and returns the error message the server sent.</summary>
    public async Task<string> InvokeExpectingErrorAsync(string target, params object?[] arguments)
    {
        try
        {
            var result = await InvokeAsync(target, arguments);
            throw new InvalidOperationException($"{target} was expected to fail but returned {result}.");
        }
        catch (HubException failed)
        {
            return failed.Message;
        }
    }

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
    public void Abort() => _socket?.Abort();

    public async ValueTask DisposeAsync()
    {
        // A second call does nothing (the IAsyncDisposable contract): a test may close early what `await using` closes again.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _connection.DisposeAsync();
    }

    private async ValueTask<WebSocket> ConnectSocketAsync(WebSocketConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        _socket = socket;
        await socket.ConnectAsync(context.Uri, cancellationToken);
        return socket;
    }

    private Task Record(string name, JsonElement payload)
    {
        lock (_received) _received.Add((name, payload));
        EventsNamed(name).Writer.TryWrite(payload);
        return Task.CompletedTask;
    }

    private Channel<JsonElement> EventsNamed(string eventName) =>
        _eventsByName.GetOrAdd(eventName, _ => Channel.CreateUnbounded<JsonElement>());

    private string Describe()
    {
        lock (_received) return _received.Count == 0 ? "nothing" : string.Join(", ", _received.Select(e => $"{e.Name} {e.Payload}"));
    }
}

/// <summary>The server refused the WebSocket upgrade with this HTTP status.</summary>
public sealed class HubConnectRefusedException(HttpStatusCode status) : Exception($"The hub refused the connection: {(int)status} {status}.")
{
    public HttpStatusCode Status { get; } = status;
}
