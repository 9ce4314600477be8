using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// <see cref="RealtimeOptions.SendMessagePerMinute"/> per user over a sliding minute, across all of the user's
/// connections on this node.
/// </summary>
public sealed class SendMessageRateLimiter : IDisposable
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

    public bool TryAcquire(long userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
