using System.Collections.Concurrent;
using CleanBackend.Application.Common.Events;
using CleanBackend.Domain.Common;
using MediatR;

namespace CleanBackend.Infrastructure.Persistence.Outbox;

/// <summary>Wraps a domain event in its MediatR notification (raised or committed) and publishes it.</summary>
public sealed class DomainEventPublisher(IMediator mediator)
{
    private static readonly ConcurrentDictionary<(Type, Type), Func<IDomainEvent, long, INotification>> Factories = new();

    public Task PublishRaisedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        mediator.Publish(Wrap(typeof(DomainEventRaised<>), domainEvent, 0), cancellationToken);

    public Task PublishCommittedAsync(IDomainEvent domainEvent, long outboxId, CancellationToken cancellationToken) =>
        mediator.Publish(Wrap(typeof(DomainEventCommitted<>), domainEvent, outboxId), cancellationToken);

    private static INotification Wrap(Type wrapper, IDomainEvent domainEvent, long outboxId) =>
        Factories.GetOrAdd((wrapper, domainEvent.GetType()), static key =>
        {
            var closed = key.Item1.MakeGenericType(key.Item2);
            return (e, id) => (INotification)(key.Item1 == typeof(DomainEventRaised<>)
                ? Activator.CreateInstance(closed, e)!
                : Activator.CreateInstance(closed, e, id)!);
        })(domainEvent, outboxId);
}
