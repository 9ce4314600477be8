namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// <see cref="RealtimeOptions.SendMessagePerMinute"/> SendMessage calls per user per minute: counted on this node
/// (<see cref="SendMessageRateLimiter"/>), or across all nodes with the Redis backplane.
/// </summary>
public interface ISendMessageRateLimiter
{
    int PermitsPerMinute { get; }

    /// <summary>True when the user may send one more message now (and counts it).</summary>
    ValueTask<bool> TryAcquireAsync(long userId, CancellationToken cancellationToken = default);
}
