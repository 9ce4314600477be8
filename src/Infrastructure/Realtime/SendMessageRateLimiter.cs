using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// <see cref="RealtimeOptions.SendMessagePerMinute"/> per user over a sliding minute, across all of the user's
/// connections on this node. The limiter of a single node, and the Redis limiter's stand-in while Redis is away.
/// </summary>
public sealed class SendMessageRateLimiter : ISendMessageRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<long> _limiter;

    public SendMessageRateLimiter(IOptions<RealtimeOptions> options)
    {
        PermitsPerMinute = options.Value.SendMessagePerMinute;
        _limiter = PartitionedRateLimiter.Create<long, long>(userId => RateLimitPartition.GetSlidingWindowLimiter(userId,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = PermitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            }));
    }

    public int PermitsPerMinute { get; }

    public ValueTask<bool> TryAcquireAsync(long userId, CancellationToken cancellationToken = default)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return ValueTask.FromResult(lease.IsAcquired);
    }

    public void Dispose() => _limiter.Dispose();
}
