using CleanBackend.Domain.Common;

namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>
/// An outbox row to dispatch. <see cref="Event"/> is the event object itself when this process just saved the row,
/// so the after-commit dispatch needs no round trip through JSON; it is null for rows read back from the table
/// (the sweeper), whose payload the dispatcher deserializes.
/// </summary>
public readonly record struct OutboxEntry(OutboxMessage Message, IDomainEvent? Event = null);
