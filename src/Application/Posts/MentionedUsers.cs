using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Posts;

/// <summary>Turns the <c>@userName</c> mentions of a text into the ids of the users that exist.</summary>
public static class MentionedUsers
{
    public static async Task<IReadOnlyList<long>> FindAsync(IAppDbContext db, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken) =>
        userNames.Count == 0
            ? []
            : await db.Users.Where(u => userNames.Contains(u.UserName)).Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>Users mentioned in <paramref name="newText"/> but not in <paramref name="oldText"/>: an edit notifies only them.</summary>
    public static Task<IReadOnlyList<long>> FindNewAsync(IAppDbContext db, string oldText, string newText, CancellationToken cancellationToken) =>
        FindAsync(db, Mentions.Find(newText).Except(Mentions.Find(oldText)).ToList(), cancellationToken);
}
