namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>How many hub connections each user has on this node.</summary>
public sealed class OnlineUserCounts
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Connected(string userId)
    {
        lock (_counts) _counts[userId] = _counts.GetValueOrDefault(userId) + 1;
    }

    public void Disconnected(string userId)
    {
        lock (_counts)
        {
            var count = _counts.GetValueOrDefault(userId) - 1;
            if (count > 0) _counts[userId] = count;
            else _counts.Remove(userId);
        }
    }

    public bool IsOnline(string userId)
    {
        lock (_counts) return _counts.ContainsKey(userId);
    }

    public string[] Snapshot()
    {
        lock (_counts) return [.. _counts.Keys];
    }
}
