using CleanBackend.Domain.Common;
using MediatR;

namespace CleanBackend.Application.Common.Events;

/// <summary>
/// Published while the unit of work saves, before commit: handlers add rows that must commit
/// atomically with the change (e.g. a notification row). They must not do I/O outside the database.
/// </summary>
public sealed record DomainEventRaised<TEvent>(TEvent Event) : INotification where TEvent : IDomainEvent;
