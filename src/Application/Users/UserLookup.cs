using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

public static class UserLookup
{
    /// <summary>The id of the user with this userName (any case); <see cref="NotFoundException"/> when there is none.</summary>
    public static async Task<long> RequireUserIdAsync(this IAppDbContext db, string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToLowerInvariant();
        return await db.Users.Where(u => u.UserName == normalized).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such user.");
    }
}
