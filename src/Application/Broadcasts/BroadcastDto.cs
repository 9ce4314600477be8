using CleanBackend.Application.Users;
using CleanBackend.Domain.Broadcasts;
using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Broadcasts;

/// <summary>The payload of the <c>broadcast</c> event and an item of <c>GET /api/broadcasts</c>.</summary>
public sealed record BroadcastDto(long Id, string Message, DateTimeOffset SentAt, UserSummaryDto From)
{
    /// <summary>The broadcasts with their senders, newest first, projected in SQL.</summary>
    public static IQueryable<BroadcastDto> NewestFirst(IQueryable<Broadcast> broadcasts, IQueryable<User> users) =>
        from b in broadcasts
        join u in users on b.SenderId equals u.Id
        orderby b.Id descending
        select new BroadcastDto(b.Id, b.Message, b.SentAt, new UserSummaryDto(u.Id, u.UserName, u.DisplayName));
}
