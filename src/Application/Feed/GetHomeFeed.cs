using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Media;
using CleanBackend.Application.Posts;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Media;
using CleanBackend.Domain.Social;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanBackend.Application.Feed;

/// <summary>
/// The caller's home feed, newest first: their own posts and those of the accounts they follow. Most come from
/// the materialized feed rows; posts of authors over the fan-out limit are merged in at read time. Both sources
/// are cut at the same cursor (a post id), so paging is stable while posts arrive.
/// </summary>
[Authorize]
public sealed record GetHomeFeedQuery(string? Cursor, int Limit) : IQuery<CursorPage<PostDto>>;

public sealed class GetHomeFeedValidator : AbstractValidator<GetHomeFeedQuery>
{
    public GetHomeFeedValidator() => this.AddPageRules(x => x.Cursor, x => x.Limit);
}

public sealed class GetHomeFeedHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetHomeFeedQuery, CursorPage<PostDto>>
{
    /// <summary>
    /// The busiest read of the API runs as an EF compiled query, so EF skips rebuilding, hashing and looking up this
    /// large expression tree on every call (the feed benchmark, build/bench-feed.sh, measured about 40% less CPU per
    /// request in this process than with the same LINQ query built per call). A compiled query can't call
    /// <see cref="PostProjection.ToPostDtos"/>, so the projection is spelled out here: keep it the same as there (a
    /// functional test compares the two).
    /// <para>Rows of deleted posts may linger until their removal job runs: skipped here, before the limit, so they
    /// cannot shorten a page.</para>
    /// </summary>
    private static readonly Expression<Func<DbContext, long, long, int, IQueryable<PostDto>>> PageQuery =
        (db, me, before, rowsPlusOne) =>
            (from p in db.Set<Post>()
             join u in db.Set<User>() on p.AuthorId equals u.Id
             where db.Set<FeedEntry>()
                 .Where(e => e.UserId == me && e.PostId < before && db.Set<Post>().Any(x => x.Id == e.PostId))
                 .OrderByDescending(e => e.PostId)
                 .Select(e => e.PostId)
                 .Take(rowsPlusOne)
                 .Union(db.Set<Post>()
                     .Where(x => x.DeliveredAtRead && x.Id < before
                         && db.Set<Follow>().Any(f => f.FollowerId == me && f.FolloweeId == x.AuthorId))
                     .OrderByDescending(x => x.Id)
                     .Select(x => x.Id)
                     .Take(rowsPlusOne))
                 .Contains(p.Id)
             orderby p.Id descending
             select new PostDto(
                 p.Id,
                 new UserSummaryDto(u.Id, u.UserName, u.DisplayName),
                 p.Text,
                 db.Set<MediaFile>().Where(m => m.PostId == p.Id).OrderBy(m => m.Position)
                     .Select(m => new PostMediaDto(m.Id, MediaDto.UrlOf(m.StorageKey), m.ContentType, m.Width, m.Height))
                     .ToList(),
                 p.CreatedAt,
                 p.EditedAt,
                 p.LikeCount,
                 p.CommentCount,
                 db.Set<PostLike>().Any(l => l.PostId == p.Id && l.UserId == me)))
            .Take(rowsPlusOne);

    /// <summary>
    /// Compiled once per EF model: a compiled query refuses a context of another model, and one process may hold
    /// several (the functional tests run PostgreSQL and SQLite servers side by side).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, long, long, int, IAsyncEnumerable<PostDto>>> PageByModel = [];

    public async Task<CursorPage<PostDto>> Handle(GetHomeFeedQuery request, CancellationToken cancellationToken)
    {
        Cursor.TryDecode(request.Cursor, out var before);
        var rows = new List<PostDto>(request.Limit + 1);
        // The application's IAppDbContext is the EF context (compiled queries take the context itself).
        var context = (DbContext)db;
        var page = PageByModel.GetValue(context.Model, _ => EF.CompileAsyncQuery(PageQuery));
        await foreach (var row in page(context, caller.RequiredUserId, before, request.Limit + 1).WithCancellation(cancellationToken))
            rows.Add(row);
        return Cursor.ToPage(rows, request.Limit, p => p.Id);
    }
}
