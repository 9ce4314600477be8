using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Users;
using MediatR;

namespace CleanBackend.Application.Rooms;

/// <summary>
/// The hub's check before it adds a connection to a room's group: the room exists and the caller may enter it.
/// Also returns the caller as presence events show them.
/// </summary>
[Authorize]
public sealed record GetJoinableRoomQuery(long RoomId) : IQuery<JoinableRoom>;

public sealed record JoinableRoom(RoomDto Room, UserSummaryDto Joiner);

public sealed class GetJoinableRoomHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetJoinableRoomQuery, JoinableRoom>
{
    public async Task<JoinableRoom> Handle(GetJoinableRoomQuery request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var room = await db.RequireEnterableAsync(request.RoomId, me, cancellationToken);
        var owner = await UserSummaryDto.OfAsync(db, room.OwnerId, cancellationToken);
        var joiner = await UserSummaryDto.OfAsync(db, me, cancellationToken);
        return new JoinableRoom(RoomDto.From(room, owner), joiner);
    }
}
