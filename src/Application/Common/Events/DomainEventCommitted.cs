using CleanBackend.Domain.Common;
using MediatR;

namespace CleanBackend.Application.Common.Events;

/// <summary>
/// Published from the outbox after the change committed, at least once (the sweeper re-publishes events
/// whose dispatch did not finish), so handlers must be idempotent.
/// </summary>
public sealed record DomainEventCommitted<TEvent>(TEvent Event, long OutboxId) : INotification where TEvent : IDomainEvent;
