using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Notifications;

/// <summary>A notification row was written; after commit it is pushed to its recipient.</summary>
public sealed record NotificationCreated(long NotificationId, long RecipientId) : IDomainEvent
{
    public long AggregateId => RecipientId;
}
