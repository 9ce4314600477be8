using CleanBackend.Application.Common.Events;
using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// After a revocation commits, closes this node's hub connections of that session at once (other nodes close theirs
/// at their next <see cref="HubSessionCheck"/>). The client's reconnect with the same token is then refused.
/// </summary>
public sealed class SessionRevokedHubClose(HubConnectionsBySession connections, ActiveSessionCache sessions, ILogger<SessionRevokedHubClose> logger)
    : INotificationHandler<DomainEventCommitted<UserSessionRevoked>>
{
    public Task Handle(DomainEventCommitted<UserSessionRevoked> notification, CancellationToken cancellationToken)
    {
        var sessionId = notification.Event.SessionId;
        // SessionRevokedCacheEviction does this too, but MediatR may run it after this handler: a client reconnecting
        // at once must not find the cached "active" answer its connection left behind.
        sessions.Forget(sessionId);
        var closed = connections.Close(new HashSet<long> { sessionId });
        if (closed > 0)
            logger.LogInformation("Closed {Count} hub connection(s) of session {SessionId}: it was signed out", closed, sessionId);
        return Task.CompletedTask;
    }
}
