using System.Globalization;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.Application.Rooms;
using CleanBackend.Application.Users;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// The one hub (<c>/hubs/realtime</c>, contract in docs/realtime.md). Signed-in users only. Rooms are SignalR
/// groups; the methods check access and persist through MediatR requests, so validation and transactions are the
/// same as over REST. Events other than presence are pushed by the notification handlers after commit.
/// </summary>
[Authorize]
public sealed class RealtimeHub(IMediator mediator, IPresenceTracker presence, ISendMessageRateLimiter sendLimiter) : Hub
{
    public const string Path = "/hubs/realtime";

    // The rooms this connection joined, with the joiner as presence shows them. SignalR runs one invocation of a
    // connection at a time, and OnDisconnectedAsync after the last, so a plain dictionary is safe.
    private const string JoinedRoomsKey = "joinedRooms";

    private long UserId => long.Parse(Context.UserIdentifier!, CultureInfo.InvariantCulture);

    private Dictionary<long, UserSummaryDto> JoinedRooms =>
        (Dictionary<long, UserSummaryDto>)(Context.Items[JoinedRoomsKey] ??= new Dictionary<long, UserSummaryDto>());

    public override Task OnConnectedAsync() => presence.UserConnectedAsync(UserId, Context.ConnectionId);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            // SignalR calls the lifetime manager's OnDisconnectedAsync right after this, and it drops the connection
            // from all its groups at once: only presence is left to update here.
            foreach (var (roomId, joiner) in JoinedRooms.ToList()) await LeaveAsync(roomId, joiner, removeFromGroup: false);
        }
        finally
        {
            await presence.UserDisconnectedAsync(UserId, Context.ConnectionId);
        }
    }

    /// <summary>Starts receiving the room's messages and presence. Joining twice is harmless.</summary>
    public async Task<JoinedRoomResult> JoinRoom(long roomId)
    {
        var joinable = await mediator.Send(new GetJoinableRoomQuery(roomId), Context.ConnectionAborted);
        if (!JoinedRooms.ContainsKey(roomId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Of(roomId));
            JoinedRooms[roomId] = joinable.Joiner;
            if (await presence.JoinRoomAsync(roomId, UserId, Context.ConnectionId))
                await Clients.Group(RoomGroups.Of(roomId)).SendAsync(RealtimeEvents.Presence, new PresencePayload(roomId, joinable.Joiner, true));
        }

        var online = await mediator.Send(new ListOnlineRoomUsersQuery(roomId), Context.ConnectionAborted);
        return new JoinedRoomResult(joinable.Room, online.Users);
    }

    /// <summary>Stops receiving the room's events. Leaving a room not joined is harmless.</summary>
    public async Task LeaveRoom(long roomId)
    {
        if (JoinedRooms.TryGetValue(roomId, out var joiner)) await LeaveAsync(roomId, joiner, removeFromGroup: true);
    }

    /// <summary>Says something in a joined room; everyone in it (the sender too) receives <c>roomMessage</c>.</summary>
    public async Task<RoomMessageDto> SendMessage(long roomId, string text)
    {
        if (!JoinedRooms.ContainsKey(roomId))
            throw new HubException($"Join room {roomId} before sending messages to it.");
        if (!await sendLimiter.TryAcquireAsync(UserId, Context.ConnectionAborted))
            throw new HubException($"Too many messages: at most {sendLimiter.PermitsPerMinute} a minute. Wait a little and send again.");

        return await mediator.Send(new PostRoomMessageCommand(roomId, text), Context.ConnectionAborted);
    }

    private async Task LeaveAsync(long roomId, UserSummaryDto joiner, bool removeFromGroup)
    {
        JoinedRooms.Remove(roomId);
        if (removeFromGroup) await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.Of(roomId));
        if (await presence.LeaveRoomAsync(roomId, UserId, Context.ConnectionId))
            await Clients.Group(RoomGroups.Of(roomId)).SendAsync(RealtimeEvents.Presence, new PresencePayload(roomId, joiner, false));
    }
}
