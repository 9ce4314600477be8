using CleanBackend.Application.Common.Events;
using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// What the node that revoked a session does once the revocation commits: it forgets the cached "active" answer,
/// so the session's access tokens are refused from the next request on, and then closes its hub connections of that
/// session (other nodes close theirs at their next <see cref="HubSessionCheck"/>). In that order, so a client
/// reconnecting at once cannot find the cached answer its connection left behind. Not before the commit: a
/// concurrent request could cache the old answer again.
/// </summary>
public sealed class SessionRevocationOnThisNode(ActiveSessionCache sessions, HubConnectionsBySession connections,
    ILogger<SessionRevocationOnThisNode> logger) : INotificationHandler<DomainEventCommitted<UserSessionRevoked>>
{
    public Task Handle(DomainEventCommitted<UserSessionRevoked> notification, CancellationToken cancellationToken)
    {
        var sessionId = notification.Event.SessionId;
        sessions.Forget(sessionId);
        var closed = connections.Close(new HashSet<long> { sessionId });
        if (closed > 0)
            logger.LogInformation("Closed {Count} hub connection(s) of session {SessionId}: it was signed out", closed, sessionId);
        return Task.CompletedTask;
    }
}
