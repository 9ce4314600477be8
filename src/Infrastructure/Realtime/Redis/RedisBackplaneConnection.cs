using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// The node's one Redis connection, shared by the hub lifetime managers, the online users and the health check.
/// It is created even when Redis is down (AbortOnConnectFail off): StackExchange.Redis keeps reconnecting in the
/// background and re-subscribes every channel itself once Redis is back, including channels subscribed while it
/// was down.
/// </summary>
public sealed class RedisBackplaneConnection : IAsyncDisposable
{
    /// <summary>
    /// Upper bound for one Redis round trip on the backplane's paths. StackExchange.Redis 1.2.6 has no timeout of
    /// its own for async calls, and a realtime send must never hold a REST request for long.
    /// </summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(5);

    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;
    private readonly ILogger<RedisBackplaneConnection> _logger;

    public RedisBackplaneConnection(IOptions<RedisBackplaneOptions> options, BackplaneNode node, ILogger<RedisBackplaneConnection> logger)
    {
        _logger = logger;
        var configuration = ParseConfiguration(options.Value.Redis);
        configuration.ClientName ??= node.Name;
        _multiplexer = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectAsync(configuration));
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
        return configuration;
    }

    /// <summary>True once connected and while the connection is up; never waits.</summary>
    public bool IsConnected =>
        _multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully && _multiplexer.Value.Result.IsConnected;

    /// <summary>
    /// The multiplexer, connected or still reconnecting. Once connecting has finished it is returned at once, on the
    /// caller's thread. Until then the continuation is forced onto the thread pool: with PreserveAsyncOrder (kept on
    /// so pub/sub messages arrive in order) StackExchange.Redis 1.2.6 completes tasks on one shared thread, and a
    /// caller must not run its own code there.
    /// </summary>
    public ValueTask<ConnectionMultiplexer> GetAsync()
    {
        var connecting = _multiplexer.Value;
        return connecting.IsCompletedSuccessfully ? new(connecting.Result) : AwaitOffRedisThreadAsync(connecting);
    }

    /// <summary>Starts connecting if nothing has yet, without waiting for it.</summary>
    public void StartConnecting() => _ = _multiplexer.Value;

    private static async ValueTask<ConnectionMultiplexer> AwaitOffRedisThreadAsync(Task<ConnectionMultiplexer> connecting) =>
        await connecting.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        multiplexer.ConnectionFailed += (_, e) => _logger.LogWarning(e.Exception,
            "Redis backplane lost its {ConnectionType} connection to {EndPoint} ({FailureType}); realtime messages between nodes are dropped until it returns",
            e.ConnectionType, e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => _logger.LogInformation(
            "Redis backplane restored its {ConnectionType} connection to {EndPoint}", e.ConnectionType, e.EndPoint);
        if (multiplexer.IsConnected)
            _logger.LogInformation("Redis backplane connected to {EndPoints}", string.Join(", ", configuration.EndPoints));
        else
            _logger.LogWarning("Redis backplane could not reach {EndPoints}; it keeps retrying in the background", string.Join(", ", configuration.EndPoints));
        return multiplexer;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_multiplexer.IsValueCreated) return;
        try
        {
            var multiplexer = await _multiplexer.Value;
            await multiplexer.CloseAsync(allowCommandsToComplete: false).WaitAsync(OperationTimeout);
            multiplexer.Dispose();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "Closing the Redis backplane connection failed");
        }
    }
}
