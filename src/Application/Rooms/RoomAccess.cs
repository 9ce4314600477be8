using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Rooms;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Rooms;

/// <summary>Who may read, join and talk in a room: anybody in a public one, only members in a private one.</summary>
public static class RoomAccess
{
    public const string NotAMember = "This room is private and you are not a member of it.";

    /// <summary>The room; <see cref="NotFoundException"/> when there is none, <see cref="ForbiddenException"/> when the caller may not enter it.</summary>
    public static async Task<Room> RequireEnterableAsync(this IAppDbContext db, long roomId, long userId, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken)
            ?? throw new NotFoundException($"There is no room {roomId}.");
        if (room.IsPrivate && !await db.RoomMembers.AnyAsync(m => m.RoomId == roomId && m.UserId == userId, cancellationToken))
            throw new ForbiddenException(NotAMember);
        return room;
    }
}
