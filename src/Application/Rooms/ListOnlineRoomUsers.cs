using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Rooms;

/// <summary>Who is in the room right now (joined it over the hub and still connected).</summary>
[Authorize]
public sealed record ListOnlineRoomUsersQuery(long RoomId) : IQuery<OnlineUsersDto>;

public sealed class ListOnlineRoomUsersHandler(IAppDbContext db, ICurrentUser caller, IPresenceTracker presence)
    : IRequestHandler<ListOnlineRoomUsersQuery, OnlineUsersDto>
{
    public async Task<OnlineUsersDto> Handle(ListOnlineRoomUsersQuery request, CancellationToken cancellationToken)
    {
        await db.RequireEnterableAsync(request.RoomId, caller.RequiredUserId, cancellationToken);
        var ids = (await presence.GetRoomUserIdsAsync(request.RoomId, cancellationToken)).ToList();
        if (ids.Count == 0) return new OnlineUsersDto([]);

        var users = await db.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.UserName)
            .Select(u => new UserSummaryDto(u.Id, u.UserName, u.DisplayName))
            .ToListAsync(cancellationToken);
        return new OnlineUsersDto(users);
    }
}
