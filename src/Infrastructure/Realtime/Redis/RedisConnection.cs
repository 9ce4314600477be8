using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// The node's one Redis connection, shared by the SignalR backplane, online users, room presence, the rate limiter
/// and the health check. It is created even when Redis is down (AbortOnConnectFail off): StackExchange.Redis keeps
/// reconnecting in the background and re-subscribes every channel itself once Redis is back. Commands fail at once
/// while it is down (BacklogPolicy.FailFast) instead of queueing until a timeout: a push made inside a REST request
/// must not hold that request, and a message queued for seconds is no longer "realtime" anyway.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;
    private readonly ILogger<RedisConnection> _logger;

    public RedisConnection(IOptions<RedisBackplaneOptions> options, RedisNode node, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var configuration = ParseConfiguration(options.Value.Redis);
        configuration.ClientName ??= node.Name;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() => Connect(configuration));
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a malformed connection string, so startup fails loudly.</summary>
    public static ConfigurationOptions ParseConfiguration(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException($"{RedisBackplaneOptions.Section}:Redis is empty.", nameof(connectionString));
        var configuration = ConfigurationOptions.Parse(connectionString);
        if (configuration.EndPoints.Count == 0)
            throw new ArgumentException($"{RedisBackplaneOptions.Section}:Redis names no endpoint: '{connectionString}'.", nameof(connectionString));
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return configuration;
    }

    /// <summary>The multiplexer, connected or still reconnecting. The first call connects (at most the connect timeout).</summary>
    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    private ConnectionMultiplexer Connect(ConfigurationOptions configuration)
    {
        var multiplexer = ConnectionMultiplexer.Connect(configuration);
        multiplexer.ConnectionFailed += (_, e) => _logger.LogWarning(e.Exception,
            "Redis lost its {ConnectionType} connection to {EndPoint} ({FailureType}); realtime messages are dropped until it returns",
            e.ConnectionType, e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => _logger.LogInformation(
            "Redis restored its {ConnectionType} connection to {EndPoint}", e.ConnectionType, e.EndPoint);
        if (multiplexer.IsConnected)
            _logger.LogInformation("Connected to Redis at {EndPoints}", string.Join(", ", configuration.EndPoints));
        else
            _logger.LogWarning("Redis at {EndPoints} is unreachable; reconnecting in the background", string.Join(", ", configuration.EndPoints));
        return multiplexer;
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated) await _multiplexer.Value.DisposeAsync();
    }
}
