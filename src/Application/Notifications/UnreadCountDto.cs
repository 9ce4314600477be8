using CleanBackend.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Notifications;

/// <summary>The body of <c>GET /api/notifications/unread-count</c> and the payload of the <c>unreadCount</c> event.</summary>
public sealed record UnreadCountDto(int Count)
{
    public static async Task<UnreadCountDto> OfAsync(IAppDbContext db, long userId, CancellationToken cancellationToken) =>
        new(await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken));
}
