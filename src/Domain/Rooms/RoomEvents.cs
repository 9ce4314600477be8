using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Rooms;

public sealed record RoomMessagePosted(long RoomId, long MessageId, long SenderId) : IDomainEvent
{
    public long AggregateId => RoomId;
}
