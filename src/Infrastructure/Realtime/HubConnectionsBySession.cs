using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// This node's hub connections with the session each was opened under, so the connections of a session that ended
/// can be closed before their access token expires. Filled by <see cref="HubConnectionSessionFilter"/>.
/// One dictionary entry per connection and nothing else: idle connection memory is a benchmarked figure. Closing
/// a session therefore scans all entries; that happens at a sign-out and once per check interval, not per message.
/// </summary>
public sealed class HubConnectionsBySession
{
    private readonly ConcurrentDictionary<HubCallerContext, long> _sessionOf = new();

    public void Add(HubCallerContext connection, long sessionId) => _sessionOf[connection] = sessionId;

    public void Remove(HubCallerContext connection) => _sessionOf.TryRemove(connection, out _);

    /// <summary>The sessions that have at least one connection open on this node.</summary>
    public IReadOnlySet<long> SessionIds() => _sessionOf.Values.ToHashSet();

    /// <summary>Aborts this node's connections of these sessions; returns how many it aborted.</summary>
    public int Close(IReadOnlySet<long> sessionIds)
    {
        var closed = 0;
        foreach (var (connection, sessionId) in _sessionOf)
        {
            if (!sessionIds.Contains(sessionId)) continue;
            // Removed here rather than only when SignalR reports the disconnect, so a second close (the event and a
            // check tick close to each other) neither aborts again nor counts the connection twice.
            if (!_sessionOf.TryRemove(connection, out _)) continue;
            connection.Abort();
            closed++;
        }
        return closed;
    }
}
