namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// Events still undispatched this long after they were written are re-published by the sweeper. Short, but
    /// longer than a normal after-commit dispatch takes, so the sweeper rarely publishes an event twice.
    /// </summary>
    public int SweepDelaySeconds { get; set; } = 5;
}
