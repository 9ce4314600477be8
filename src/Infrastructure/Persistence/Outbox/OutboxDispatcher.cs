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
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    blockedAggregates.Add(message.AggregateId);
                    logger.LogWarning(ex, "Dispatch of outbox message {OutboxId} ({Type}) failed; the sweeper will retry it", message.Id, message.Type);
                    await db.OutboxMessages.Where(m => m.Id == message.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1)
                            .SetProperty(m => m.LastError, Truncate(ex.Message)), CancellationToken.None);
                }
            }
        }
        finally
        {
            // One statement for all published rows; also when a cancellation stops the loop, so the events that
            // did go out are not published again by the sweeper.
            if (published.Count > 0)
                await db.OutboxMessages.Where(m => published.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, time.GetUtcNow()), CancellationToken.None);
        }
        return published.Count;
    }

    private static string Truncate(string message) => message.Length > 1000 ? message[..1000] : message;
}
