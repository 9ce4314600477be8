using MediatR;

namespace CleanBackend.Application.Common.Interfaces;

/// <summary>
/// Runs slow work outside the request, durably (a persistent, clustered job store in production) and with
/// retries. A job sends <paramref name="command"/> through the mediator on whichever node picks it up, so the
/// command's handler must be idempotent. Enqueue from <c>DomainEventCommitted&lt;T&gt;</c> handlers, after the
/// change committed, never from inside a request's transaction.
/// </summary>
public interface IBackgroundJobs
{
    Task EnqueueAsync<TCommand>(TCommand command, CancellationToken cancellationToken) where TCommand : IBaseRequest;
}
