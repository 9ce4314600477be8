namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>A domain event written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long AggregateId { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
