using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Broadcasts;

public sealed record BroadcastSent(long BroadcastId) : IDomainEvent
{
    public long AggregateId => BroadcastId;
}
