using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.Application.Rooms;
using CleanBackend.Domain.Rooms;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>After commit, sends a room message to the connections that joined the room (the sender's too).</summary>
public sealed class RoomMessagePushHandler(IAppDbContext db, IRealtimeNotifier notifier)
    : INotificationHandler<DomainEventCommitted<RoomMessagePosted>>
{
    public async Task Handle(DomainEventCommitted<RoomMessagePosted> committed, CancellationToken cancellationToken)
    {
        var posted = committed.Event;
        var message = await RoomMessageDto.NewestFirst(db.RoomMessages.Where(m => m.Id == posted.MessageId), db.Users)
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null) return;

        await notifier.SendToGroupAsync(RoomGroups.Of(posted.RoomId), RealtimeEvents.RoomMessage,
            new RoomMessagePayload(posted.RoomId, message), cancellationToken);
    }
}
