using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Auth;

/// <summary>Signs one of the caller's devices out. Another user's session is reported as not found, not forbidden.</summary>
[Authorize]
public sealed record RevokeSessionCommand(long SessionId) : ICommand;

public sealed class RevokeSessionHandler(IAppDbContext db, ICurrentUser caller, IClock clock) : IRequestHandler<RevokeSessionCommand, Unit>
{
    public async Task<Unit> Handle(RevokeSessionCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequiredUserId;
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == request.SessionId && s.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("No such session.");
        session.Revoke(clock.UtcNow);
        return Unit.Value;
    }
}
