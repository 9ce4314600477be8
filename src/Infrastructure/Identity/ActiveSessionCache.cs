using CleanBackend.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>
/// Answers "is this session still active?" for every authenticated request, so a revoked session's access
/// tokens stop working before they expire.
/// Trade-off: the answer is cached in memory for <see cref="TimeToLive"/>, which saves a database round trip
/// per request. The node that revokes a session forgets its entry at once (see <see cref="Realtime.SessionRevocationOnThisNode"/>),
/// so there the token stops working immediately; other nodes may accept it for up to <see cref="TimeToLive"/> longer.
/// A shorter TTL narrows that window at the price of more queries; a few seconds is far below the access-token lifetime.
/// A miss queries through a scope of its own, not the request's: a hub connection's request lasts as long as the
/// connection, and a DbContext resolved in its scope would stay in memory that long, for every connection.
/// </summary>
public sealed class ActiveSessionCache(IMemoryCache cache, TimeProvider time, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    public async Task<bool> IsActiveAsync(long sessionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(new CacheKey(sessionId), out bool active)) return active;

        active = (await QueryActiveAsync([sessionId], cancellationToken)).Contains(sessionId);
        cache.Set(new CacheKey(sessionId), active, TimeToLive);
        return active;
    }

    /// <summary>
    /// Which of these sessions are active, asked of the database in one query (the cache may be stale for sessions
    /// ended through another node), for the periodic check of hub connections. Sessions found ended are cached as
    /// such, so a client that reconnects at once is refused without another query.
    /// </summary>
    public async Task<IReadOnlySet<long>> ActiveAmongAsync(IReadOnlyCollection<long> sessionIds, CancellationToken cancellationToken)
    {
        var active = await QueryActiveAsync(sessionIds, cancellationToken);
        // Only "ended" is cached: it is final, while "active" could be outdated by a sign-out committing during the query.
        foreach (var sessionId in sessionIds.Where(id => !active.Contains(id))) cache.Set(new CacheKey(sessionId), false, TimeToLive);
        return active;
    }

    /// <summary>The active ones of these sessions, from the database; a session that no longer exists counts as ended.</summary>
    private async Task<HashSet<long>> QueryActiveAsync(IReadOnlyCollection<long> sessionIds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = sessionIds.ToList();
        var found = await db.UserSessions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        // The domain rule, checked here rather than in SQL: SQLite can't compare DateTimeOffset values.
        var now = time.GetUtcNow();
        return found.Where(s => s.IsActive(now)).Select(s => s.Id).ToHashSet();
    }

    public void Forget(long sessionId) => cache.Remove(new CacheKey(sessionId));

    /// <summary>A key of its own type: no string built per request, and no clash with other entries of the shared cache.</summary>
    private readonly record struct CacheKey(long SessionId);
}
