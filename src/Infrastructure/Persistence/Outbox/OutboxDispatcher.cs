using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>
/// Publishes committed outbox rows and marks them dispatched. A failure leaves the row (and the later rows of
/// the same aggregate, to keep their order) for the sweeper to retry.
/// </summary>
public sealed class OutboxDispatcher(AppDbContext db, DomainEventPublisher publisher, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    public async Task<int> DispatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var blockedAggregates = new HashSet<long>();
        var dispatched = 0;
        foreach (var message in messages.OrderBy(m => m.Id))
        {
            if (blockedAggregates.Contains(message.AggregateId)) continue;
            try
            {
                var domainEvent = DomainEventTypes.Deserialize(message.Type, message.Payload);
                await publisher.PublishCommittedAsync(domainEvent, message.Id, cancellationToken);
                await db.OutboxMessages.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, time.GetUtcNow()), cancellationToken);
                dispatched++;
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
        return dispatched;
    }

    private static string Truncate(string message) => message.Length > 1000 ? message[..1000] : message;
}
