namespace CleanBackend.Domain.Rooms;

/// <summary>A user who may enter a private room (public rooms record only their owner).</summary>
public sealed class RoomMember
{
    private RoomMember() { }

    public RoomMember(long roomId, long userId, DateTimeOffset addedAt)
    {
        RoomId = roomId;
        UserId = userId;
        AddedAt = addedAt;
    }

    public long RoomId { get; private set; }
    public long UserId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
