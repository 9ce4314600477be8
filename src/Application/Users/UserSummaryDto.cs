using CleanBackend.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

/// <summary>Who did something, as events and lists show them: a notification's actor, a message's sender.</summary>
public sealed record UserSummaryDto(long Id, string UserName, string DisplayName)
{
    public static Task<UserSummaryDto> OfAsync(IAppDbContext db, long userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId)
            .Select(u => new UserSummaryDto(u.Id, u.UserName, u.DisplayName))
            .SingleAsync(cancellationToken);
}
