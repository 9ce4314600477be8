using System.Collections.Concurrent;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// The group add/remove requests this node sent to other nodes and still waits on, by request id. Every request
/// leaves the registry when it is acknowledged or gives up, so nothing leaks when a node never answers.
/// </summary>
public sealed class GroupAckRegistry
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _pending = new();
    private int _lastId;

    public int PendingCount => _pending.Count;

    public PendingAck Register()
    {
        var id = Interlocked.Increment(ref _lastId);
        // Continuations run off the Redis message thread that completes the ack.
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        return new PendingAck(id, completion.Task);
    }

    /// <summary>False for an unknown id: a late ack after a timeout, or another node's ack.</summary>
    public bool Acknowledge(int id)
    {
        if (!_pending.TryRemove(id, out var completion)) return false;
        completion.TrySetResult();
        return true;
    }

    /// <summary>True when acknowledged in time; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(PendingAck ack, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await ack.Acknowledged.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            Forget(ack);
        }
    }

    /// <summary>Gives up on a request whose command could not even be published.</summary>
    public void Forget(PendingAck ack) => _pending.TryRemove(ack.Id, out _);
}

public readonly record struct PendingAck(int Id, Task Acknowledged);
