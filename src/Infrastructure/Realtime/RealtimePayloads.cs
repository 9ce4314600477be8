using CleanBackend.Application.Rooms;
using CleanBackend.Application.Users;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>The <c>roomMessage</c> event.</summary>
public sealed record RoomMessagePayload(long RoomId, RoomMessageDto Message);

/// <summary>The <c>presence</c> event: a user came online in a room (first connection joined) or went away (last one left).</summary>
public sealed record PresencePayload(long RoomId, UserSummaryDto User, bool Online);

/// <summary>What JoinRoom returns: the room and who is in it now, the caller included.</summary>
public sealed record JoinedRoomResult(RoomDto Room, IReadOnlyList<UserSummaryDto> Online);
