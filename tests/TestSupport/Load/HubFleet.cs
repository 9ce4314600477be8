using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CleanBackend.TestSupport.Load;

/// <summary>
/// Many connections of the official .NET SignalR client to /hubs/realtime, with automatic reconnect, one per user
/// (round robin over the users given). It records when each connection lost its server and when it was back, and
/// counts the <c>notification</c> events received.
/// </summary>
public sealed class HubFleet : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentQueue<Reconnection> _reconnections = new();
    private readonly ConcurrentDictionary<HubConnection, TimeSpan> _lostAt = new();
    private readonly Func<TimeSpan> _clock;
    private int _notifications;

    private HubFleet(Func<TimeSpan> clock) => _clock = clock;

    /// <summary>A connection that lost its server at <see cref="LostAt"/> and was connected again at <see cref="BackAt"/>.</summary>
    public readonly record struct Reconnection(TimeSpan LostAt, TimeSpan BackAt);

    public IReadOnlyList<Reconnection> Reconnections => [.. _reconnections];

    public int Connected => _connections.Count(c => c.State == HubConnectionState.Connected);

    /// <summary>Connections that gave up (closed for good): the retry policy never does, so this stays 0 unless a bug.</summary>
    public int Closed => _connections.Count(c => c.State == HubConnectionState.Disconnected);

    public int NotificationsReceived => Volatile.Read(ref _notifications);

    /// <summary>
    /// Opens <paramref name="connections"/> connections, to the <paramref name="servers"/> in turn; <paramref name="clock"/>
    /// is the time axis of <see cref="Reconnections"/> (the load's, so both line up).
    /// </summary>
    public static async Task<HubFleet> ConnectAsync(IReadOnlyList<Uri> servers, IReadOnlyList<TestUser> users, int connections, Func<TimeSpan> clock)
    {
        var fleet = new HubFleet(clock);
        for (var i = 0; i < connections; i++)
            fleet._connections.Add(fleet.Build(new Uri(servers[i % servers.Count], "/hubs/realtime"), users[i % users.Count]));
        foreach (var chunk in fleet._connections.Chunk(25)) await Task.WhenAll(chunk.Select(c => c.StartAsync()));
        return fleet;
    }

    private HubConnection Build(Uri hub, TestUser user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
                // WebSockets straight away, as deploy/ expects: nginx balances without sticky sessions, so a fallback
                // transport's follow-up requests could reach another node (404).
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .WithAutomaticReconnect(new RetryAtOnceThenEveryHalfSecond())
            .Build();
        connection.On<JsonElement>("notification", _ => Interlocked.Increment(ref _notifications));
        connection.Reconnecting += _ =>
        {
            _lostAt[connection] = _clock();
            return Task.CompletedTask;
        };
        connection.Reconnected += _ =>
        {
            if (_lostAt.TryRemove(connection, out var lostAt)) _reconnections.Enqueue(new Reconnection(lostAt, _clock()));
            return Task.CompletedTask;
        };
        return connection;
    }

    /// <summary>
    /// At once, then every half second, for ever: the default policy (0, 2, 10, 30 s, then give up) could leave a
    /// client waiting 10 s, or disconnected, after its node stops while another node is restarting.
    /// </summary>
    private sealed class RetryAtOnceThenEveryHalfSecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) => context.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(500);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _connections.Chunk(50)) await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
    }
}
