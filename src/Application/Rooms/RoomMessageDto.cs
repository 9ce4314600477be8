using CleanBackend.Application.Users;
using CleanBackend.Domain.Rooms;
using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Rooms;

/// <summary>An item of <c>GET /api/rooms/{id}/messages</c> and the <c>message</c> of a <c>roomMessage</c> event.</summary>
public sealed record RoomMessageDto(long Id, long RoomId, UserSummaryDto Sender, string Text, DateTimeOffset CreatedAt)
{
    /// <summary>The messages with their senders, newest first, projected in SQL.</summary>
    public static IQueryable<RoomMessageDto> NewestFirst(IQueryable<RoomMessage> messages, IQueryable<User> users) =>
        from m in messages
        join u in users on m.SenderId equals u.Id
        orderby m.Id descending
        select new RoomMessageDto(m.Id, m.RoomId, new UserSummaryDto(u.Id, u.UserName, u.DisplayName), m.Text, m.CreatedAt);
}
