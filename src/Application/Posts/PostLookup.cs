using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Posts;

public static class PostLookup
{
    /// <summary>The post, tracked (so the events it raises are saved); <see cref="NotFoundException"/> when there is none.</summary>
    public static async Task<Post> RequirePostAsync(this IAppDbContext db, long postId, CancellationToken cancellationToken) =>
        await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException("There is no such post.");

    public static async Task RequirePostExistsAsync(this IAppDbContext db, long postId, CancellationToken cancellationToken)
    {
        if (!await db.Posts.AnyAsync(p => p.Id == postId, cancellationToken)) throw new NotFoundException("There is no such post.");
    }
}
