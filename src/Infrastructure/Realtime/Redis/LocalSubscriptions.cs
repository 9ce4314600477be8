using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// This node's connections per key (a group name, or a user id), and the rule that the node is subscribed to the
/// key's Redis channel exactly while it has at least one connection for it.
/// </summary>
public sealed class LocalSubscriptions
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _keysByConnection = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Subscribe/unsubscribe are issued inside the lock: StackExchange.Redis registers them synchronously, so a quick
    // leave-then-join can never leave a channel unsubscribed while it has members. Their tasks (Redis' confirmation)
    // are awaited by the callers, outside the lock.

    /// <summary>
    /// Adds the connection; the first one for <paramref name="key"/> calls <paramref name="subscribe"/>. Returns the
    /// subscription's completion, so every caller can wait until messages for the key actually arrive.
    /// </summary>
    public Task AddAsync(string key, HubConnectionContext connection, Func<string, Task> subscribe)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry(Start(subscribe, key));
                _entries.Add(key, entry);
            }
            entry.Connections.Add(connection);
            if (!_keysByConnection.TryGetValue(connection.ConnectionId, out var keys))
                _keysByConnection[connection.ConnectionId] = keys = new HashSet<string>(StringComparer.Ordinal);
            keys.Add(key);
            return entry.Subscribed;
        }
    }

    /// <summary>Removes the connection; removing the last one for <paramref name="key"/> calls <paramref name="unsubscribe"/>.</summary>
    public Task RemoveAsync(string key, HubConnectionContext connection, Func<string, Task> unsubscribe)
    {
        lock (_gate)
        {
            if (!_keysByConnection.TryGetValue(connection.ConnectionId, out var keys) || !keys.Remove(key))
                return Task.CompletedTask;
            if (keys.Count == 0) _keysByConnection.Remove(connection.ConnectionId);
            return Leave(key, connection, unsubscribe);
        }
    }

    /// <summary>Removes the connection from every key it had (it disconnected).</summary>
    public Task RemoveConnectionAsync(HubConnectionContext connection, Func<string, Task> unsubscribe)
    {
        lock (_gate)
        {
            if (!_keysByConnection.Remove(connection.ConnectionId, out var keys)) return Task.CompletedTask;
            return Task.WhenAll(keys.Select(key => Leave(key, connection, unsubscribe)).ToArray());
        }
    }

    /// <summary>The local connections for the key, or null; safe to enumerate while others join and leave.</summary>
    public HubConnectionStore? this[string key]
    {
        get
        {
            lock (_gate) return _entries.TryGetValue(key, out var entry) ? entry.Connections : null;
        }
    }

    /// <summary>How many keys this node is subscribed for.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    public IReadOnlyCollection<string> KeysOf(string connectionId)
    {
        lock (_gate) return _keysByConnection.TryGetValue(connectionId, out var keys) ? [.. keys] : [];
    }

    private Task Leave(string key, HubConnectionContext connection, Func<string, Task> unsubscribe)
    {
        var entry = _entries[key];
        entry.Connections.Remove(connection);
        if (entry.Connections.Count > 0) return Task.CompletedTask;
        _entries.Remove(key);
        return Start(unsubscribe, key);
    }

    private static Task Start(Func<string, Task> operation, string key)
    {
        try
        {
            return operation(key);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private sealed class Entry(Task subscribed)
    {
        public HubConnectionStore Connections { get; } = new();

        public Task Subscribed { get; } = subscribed;
    }
}
