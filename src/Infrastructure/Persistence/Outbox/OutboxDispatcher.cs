using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>
/// Publishes committed outbox rows and marks them dispatched. A failure leaves the row (and the later rows of
/// the same aggregate, to keep their order) for the sweeper to retry.
/// </summary>
public sealed class OutboxDispatcher(AppDbContext db, DomainEventPublisher publisher, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Rows read back from the table (the sweeper): their events are deserialized from the payload.</summary>
    public Task<int> DispatchAsync(IReadOnlyList<OutboxMessage> stored, CancellationToken cancellationToken) =>
        DispatchAsync(stored.Select(m => new OutboxEntry(m)).ToList(), cancellationToken);

    public async Task<int> DispatchAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var blockedAggregates = new HashSet<long>();
        var published = new List<long>();
        try
        {
            foreach (var (message, saved) in entries.OrderBy(e => e.Message.Id))
            {
                if (blockedAggregates.Contains(message.AggregateId)) continue;
                try
                {
                    var domainEvent = saved ?? DomainEventTypes.Deserialize(message.Type, message.Payload);
                    await publisher.PublishCommittedAsync(domainEvent, message.Id, cancellationToken);
                    published.Add(message.Id);
                }
                // A handler's own timeout is a failure of this event like any other; only the caller's cancellation stops.
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    blockedAggregates.Add(message.AggregateId);
                    logger.LogWarning(ex, "Dispatch of outbox message {OutboxId} ({Type}) failed; the sweeper will retry it", message.Id, message.Type);
                    await RecordFailureAsync(message.Id, ex);
                }
            }
        }
        finally
        {
            // One statement for all published rows; also when a cancellation stops the loop, so the events that
            // did go out are not published again by the sweeper.
            if (published.Count > 0) await MarkDispatchedAsync(published);
        }
        return published.Count;
    }

    /// <summary>
    /// When this fails (the database went away) the events are published again by the sweeper, which handlers
    /// tolerate; the caller, whose change committed, is not failed for it.
    /// </summary>
    private async Task MarkDispatchedAsync(List<long> published)
    {
        try
        {
            await db.OutboxMessages.Where(m => published.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, time.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not mark {Count} published outbox message(s) dispatched; the sweeper will publish them again", published.Count);
        }
    }

    /// <summary>
    /// For diagnosis only, so it never fails the dispatch: the row stays undispatched for the sweeper either way, and
    /// after a commit the caller must not be failed for an event (typically the database just went away).
    /// </summary>
    private async Task RecordFailureAsync(long outboxId, Exception failure)
    {
        try
        {
            await db.OutboxMessages.Where(m => m.Id == outboxId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, Truncate(failure.Message)), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not record the failed dispatch of outbox message {OutboxId}", outboxId);
        }
    }

    private static string Truncate(string message) => message.Length > 1000 ? message[..1000] : message;
}
