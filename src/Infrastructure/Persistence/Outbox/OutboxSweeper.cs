using CleanBackend.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>
/// Every second, re-publishes outbox events left undispatched for longer than <c>Outbox:SweepDelaySeconds</c>
/// (the process died after commit, or a handler failed), in order per aggregate. On PostgreSQL several nodes
/// sweep at once: each claims its rows with <c>FOR UPDATE SKIP LOCKED</c> inside a transaction and skips an
/// aggregate whose earlier events another node holds. SQLite is single-process: a plain select.
/// </summary>
public sealed class OutboxSweeper(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxSweeper> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            // Whatever a pass throws, the next tick tries again: only the host stopping ends the loop. A cancellation
            // that is not the host's (a timeout inside a handler or a driver) must not end it either, or events left
            // behind by an outage would wait for the node's next restart.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox sweep failed; trying again in a second");
            }
        }
    }

    /// <summary>One pass; returns how many events were dispatched.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Ids are time-ordered: "written before the delay" is an id comparison, which SQLite can do.
        var writtenBefore = scope.ServiceProvider.GetRequiredService<IIdGenerator>()
            .MinIdAt(time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.SweepDelaySeconds));

        if (!db.Database.IsNpgsql())
        {
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DispatchedAt == null && m.Id < writtenBefore)
                .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            return due.Count == 0 ? 0 : await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(due, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.OutboxMessages.FromSqlRaw(
                """
                SELECT * FROM "OutboxMessages" WHERE "DispatchedAt" IS NULL AND "Id" < {0}
                ORDER BY "Id" LIMIT {1} FOR UPDATE SKIP LOCKED
                """, writtenBefore, BatchSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        if (claimed.Count == 0) return 0;

        // The handlers run in a scope of their own, outside the claim transaction, as they do after a request's commit:
        // in it, one handler's failing statement would abort the transaction, and with it the bookkeeping of the whole
        // batch, again at every pass. The dispatcher records what went out in the claim transaction.
        await using var handlers = scopes.CreateAsyncScope();
        var dispatched = await ActivatorUtilities.CreateInstance<OutboxDispatcher>(handlers.ServiceProvider, db)
            .DispatchAsync(await InAggregateOrderAsync(db, claimed, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return dispatched;
    }

    /// <summary>
    /// Drops each claimed event that has an earlier undispatched event of its aggregate which this node did not
    /// claim (another node holds it): publishing it now would overtake that one.
    /// </summary>
    private static async Task<IReadOnlyList<OutboxMessage>> InAggregateOrderAsync(AppDbContext db, List<OutboxMessage> claimed,
        CancellationToken cancellationToken)
    {
        var aggregates = claimed.Select(m => m.AggregateId).Distinct().ToList();
        var last = claimed.Max(m => m.Id);
        var pending = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DispatchedAt == null && m.Id <= last && aggregates.Contains(m.AggregateId))
            .Select(m => new { m.Id, m.AggregateId })
            .ToListAsync(cancellationToken);

        var claimedIds = claimed.Select(m => m.Id).ToHashSet();
        var firstGap = pending.Where(m => !claimedIds.Contains(m.Id))
            .GroupBy(m => m.AggregateId)
            .ToDictionary(g => g.Key, g => g.Min(m => m.Id));
        return claimed.Where(m => !firstGap.TryGetValue(m.AggregateId, out var gap) || m.Id < gap).ToList();
    }
}
