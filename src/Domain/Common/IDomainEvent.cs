namespace CleanBackend.Domain.Common;

/// <summary>Something that happened in the domain. Events are records so the outbox can store them as JSON.</summary>
public interface IDomainEvent
{
    /// <summary>The aggregate the event belongs to; the outbox keeps events of one aggregate in order.</summary>
    long AggregateId { get; }
}
