using CleanBackend.Application.Common.Events;
using CleanBackend.Domain.Users;
using MediatR;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>
/// After a revocation commits, this node forgets the cached "active" answer, so the session's access tokens
/// are refused from the next request on. Evicting before the commit could let a concurrent request cache
/// the old answer again.
/// </summary>
public sealed class SessionRevokedCacheEviction(ActiveSessionCache sessions) : INotificationHandler<DomainEventCommitted<UserSessionRevoked>>
{
    public Task Handle(DomainEventCommitted<UserSessionRevoked> notification, CancellationToken cancellationToken)
    {
        sessions.Forget(notification.Event.SessionId);
        return Task.CompletedTask;
    }
}
