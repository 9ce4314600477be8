using CleanBackend.Application.Users;
using CleanBackend.Domain.Rooms;
using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Rooms;

public sealed record RoomDto(long Id, string Name, bool IsPrivate, UserSummaryDto Owner, DateTimeOffset CreatedAt)
{
    public static RoomDto From(Room room, UserSummaryDto owner) => new(room.Id, room.Name, room.IsPrivate, owner, room.CreatedAt);

    /// <summary>The rooms with their owners, newest first, projected in SQL.</summary>
    public static IQueryable<RoomDto> NewestFirst(IQueryable<Room> rooms, IQueryable<User> users) =>
        from r in rooms
        join u in users on r.OwnerId equals u.Id
        orderby r.Id descending
        select new RoomDto(r.Id, r.Name, r.IsPrivate, new UserSummaryDto(u.Id, u.UserName, u.DisplayName), r.CreatedAt);
}
