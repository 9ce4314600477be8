using CleanBackend.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Posts;

/// <summary>
/// Set-based changes of a post's denormalized counts (UPDATE ... SET "LikeCount" = "LikeCount" + @delta), in the
/// transaction that adds or removes the like or comment: concurrent changes add up instead of overwriting each other.
/// </summary>
public static class PostCounters
{
    public static Task AddToLikeCountAsync(this IAppDbContext db, long postId, int delta, CancellationToken cancellationToken) =>
        db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LikeCount, p => p.LikeCount + delta), cancellationToken);

    public static Task AddToCommentCountAsync(this IAppDbContext db, long postId, int delta, CancellationToken cancellationToken) =>
        db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + delta), cancellationToken);
}
