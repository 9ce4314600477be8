using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Media;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Social;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Posts;

/// <summary>Reads posts as <see cref="PostDto"/>s in one SQL query: author, media and the viewer's like included.</summary>
public static class PostProjection
{
    /// <param name="viewerId">The caller, for likedByMe; null when anonymous.</param>
    public static IQueryable<PostDto> ToPostDtos(this IQueryable<Post> posts, IAppDbContext db, long? viewerId)
    {
        // 0 is never a user id, so an anonymous viewer simply likes nothing.
        var viewer = viewerId ?? 0;
        return from p in posts
               join u in db.Users on p.AuthorId equals u.Id
               orderby p.Id descending
               select new PostDto(
                   p.Id,
                   new UserSummaryDto(u.Id, u.UserName, u.DisplayName),
                   p.Text,
                   db.MediaFiles.Where(m => m.PostId == p.Id).OrderBy(m => m.Position)
                       .Select(m => new PostMediaDto(m.Id, MediaDto.UrlOf(m.StorageKey), m.ContentType, m.Width, m.Height))
                       .ToList(),
                   p.CreatedAt,
                   p.EditedAt,
                   p.LikeCount,
                   p.CommentCount,
                   db.PostLikes.Any(l => l.PostId == p.Id && l.UserId == viewer));
    }

    /// <summary>One page, newest first, of the posts <paramref name="posts"/> selects (which must not be limited yet).</summary>
    public static async Task<CursorPage<PostDto>> ToPostPageAsync(this IQueryable<Post> posts, IAppDbContext db, long? viewerId,
        string? cursor, int limit, CancellationToken cancellationToken)
    {
        Cursor.TryDecode(cursor, out var before);
        var rows = await posts.Where(p => p.Id < before).ToPostDtos(db, viewerId).Take(limit + 1).ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, limit, p => p.Id);
    }

    /// <summary>A post this request just wrote or changed, read back inside its transaction.</summary>
    public static Task<PostDto> ReadPostAsync(this IAppDbContext db, long postId, long? viewerId, CancellationToken cancellationToken) =>
        db.Posts.Where(p => p.Id == postId).ToPostDtos(db, viewerId).SingleAsync(cancellationToken);
}
