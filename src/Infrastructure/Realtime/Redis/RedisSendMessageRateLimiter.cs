using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// The SendMessage rate per user across all nodes, so a user cannot multiply their allowance by opening connections
/// on several nodes. A sliding-window counter in Redis: one counter per user and minute
/// (<c>{prefix}:rate:send-message:{userId}:{minute}</c>), and the estimate "this minute's count plus the previous
/// minute's count weighted by how much of it still falls inside the last 60 s" decides, in one atomic script that
/// counts only accepted messages. While Redis is unreachable each node limits on its own
/// (<see cref="SendMessageRateLimiter"/>): the limit loosens to once per node, it never blocks sending.
/// </summary>
public sealed class RedisSendMessageRateLimiter(
    RedisConnection redis,
    SendMessageRateLimiter nodeLimiter,
    IOptions<RedisBackplaneOptions> options,
    TimeProvider time,
    ILogger<RedisSendMessageRateLimiter> logger) : ISendMessageRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>KEYS: this minute's counter, the previous minute's. ARGV: limit, weight of the previous minute, counter TTL (ms).</summary>
    private const string AcquireScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
        if current + math.floor(previous * tonumber(ARGV[2])) >= tonumber(ARGV[1]) then return 0 end
        redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    private readonly string _keyPrefix = options.Value.ChannelPrefix + ":rate:send-message:";

    public int PermitsPerMinute => nodeLimiter.PermitsPerMinute;

    public async ValueTask<bool> TryAcquireAsync(long userId, CancellationToken cancellationToken = default)
    {
        var multiplexer = redis.Multiplexer;
        if (!multiplexer.IsConnected) return await nodeLimiter.TryAcquireAsync(userId, cancellationToken);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)Window.TotalMilliseconds;
        var minute = now / windowMs;
        var previousWeight = 1.0 - (double)(now % windowMs) / windowMs;
        var user = userId.ToString(CultureInfo.InvariantCulture);
        try
        {
            var accepted = await multiplexer.GetDatabase().ScriptEvaluateAsync(AcquireScript,
                    [$"{_keyPrefix}{user}:{minute}", $"{_keyPrefix}{user}:{minute - 1}"],
                    [PermitsPerMinute, previousWeight.ToString("0.####", CultureInfo.InvariantCulture), windowMs * 2]);
            return (long)accepted == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The SendMessage rate could not be counted in Redis; counting on this node only");
            return await nodeLimiter.TryAcquireAsync(userId, cancellationToken);
        }
    }
}
