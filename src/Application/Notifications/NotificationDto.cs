using CleanBackend.Application.Users;
using CleanBackend.Domain.Notifications;
using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Notifications;

/// <summary>One notification: an item of <c>GET /api/notifications</c> and the payload of the <c>notification</c> event.</summary>
public sealed record NotificationDto(long Id, string Type, UserSummaryDto Actor, long? PostId, long? CommentId, DateTimeOffset CreatedAt, bool Read)
{
    /// <summary>The notifications with their actors, newest first, projected in SQL.</summary>
    public static IQueryable<NotificationDto> NewestFirst(IQueryable<Notification> notifications, IQueryable<User> users) =>
        from n in notifications
        join u in users on n.ActorId equals u.Id
        orderby n.Id descending
        select new NotificationDto(n.Id, n.Type, new UserSummaryDto(u.Id, u.UserName, u.DisplayName),
            n.PostId, n.CommentId, n.CreatedAt, n.ReadAt != null);
}
