using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Auth;

/// <summary>The caller's active sessions, newest first. A user has a handful, so the list is not paged.</summary>
[Authorize]
public sealed record ListSessionsQuery : IQuery<IReadOnlyList<SessionDto>>;

public sealed class ListSessionsHandler(IAppDbContext db, ICurrentUser caller, IClock clock)
    : IRequestHandler<ListSessionsQuery, IReadOnlyList<SessionDto>>
{
    public async Task<IReadOnlyList<SessionDto>> Handle(ListSessionsQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequiredUserId;
        var now = clock.UtcNow;
        var unrevoked = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .OrderByDescending(s => s.Id)
            .ToListAsync(cancellationToken);

        // Expiry is checked here rather than in SQL: SQLite can't compare DateTimeOffset values.
        return unrevoked.Where(s => s.IsActive(now)).Select(s => SessionDto.From(s, caller.SessionId)).ToList();
    }
}
