using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.Application.Notifications;
using CleanBackend.Domain.Notifications;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// After commit, sends a new notification to its recipient's connections, then their unread count. The outbox
/// publishes at least once; claiming the row (PushedAt) first makes a re-published event push nothing.
/// </summary>
public sealed class NotificationPushHandler(IAppDbContext db, IRealtimeNotifier notifier, IClock clock)
    : INotificationHandler<DomainEventCommitted<NotificationCreated>>
{
    public async Task Handle(DomainEventCommitted<NotificationCreated> committed, CancellationToken cancellationToken)
    {
        var (notificationId, recipientId) = (committed.Event.NotificationId, committed.Event.RecipientId);
        var now = clock.UtcNow;
        var claimed = await db.Notifications.Where(n => n.Id == notificationId && n.PushedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PushedAt, now), cancellationToken);
        if (claimed == 0) return;

        var notification = await NotificationDto.NewestFirst(db.Notifications.Where(n => n.Id == notificationId), db.Users)
            .SingleOrDefaultAsync(cancellationToken);
        if (notification is null) return;

        await notifier.SendToUsersAsync([recipientId], RealtimeEvents.Notification, notification, cancellationToken);
        await notifier.SendToUsersAsync([recipientId], RealtimeEvents.UnreadCount, await UnreadCountDto.OfAsync(db, recipientId, cancellationToken), cancellationToken);
    }
}
