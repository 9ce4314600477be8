using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.Persistence;

public sealed class UnitOfWork(AppDbContext db, OutboxDispatcher dispatcher) : IUnitOfWork
{
    public async Task<T> ExecuteAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // A command sent from inside another command joins the outer transaction.
        if (db.Database.CurrentTransaction is not null) return await work();

        T result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                result = await work();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                db.TakeUnpublishedOutbox();
                db.ChangeTracker.Clear();
                throw;
            }
        }

        // After commit the change stands whatever happens next; events whose publication fails here are
        // re-published by the outbox sweeper, so the caller is not failed for them.
        await dispatcher.DispatchAsync(db.TakeUnpublishedOutbox(), CancellationToken.None);
        return result;
    }
}
