using CleanBackend.Application.Broadcasts;
using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.Domain.Broadcasts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>After commit, sends an admin broadcast to every connection.</summary>
public sealed class BroadcastPushHandler(IAppDbContext db, IRealtimeNotifier notifier)
    : INotificationHandler<DomainEventCommitted<BroadcastSent>>
{
    public async Task Handle(DomainEventCommitted<BroadcastSent> committed, CancellationToken cancellationToken)
    {
        var broadcast = await BroadcastDto.NewestFirst(db.Broadcasts.Where(b => b.Id == committed.Event.BroadcastId), db.Users)
            .SingleOrDefaultAsync(cancellationToken);
        if (broadcast is not null) await notifier.BroadcastAsync(RealtimeEvents.Broadcast, broadcast, cancellationToken);
    }
}
