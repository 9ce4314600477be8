using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Posts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

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
    public async Task<CursorPage<PostDto>> Handle(GetHomeFeedQuery request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        Cursor.TryDecode(request.Cursor, out var before);
        var rowsPlusOne = request.Limit + 1;

        // Rows of deleted posts may linger until their removal job runs: skipped here, before the limit,
        // so they cannot shorten a page.
        var fannedOut = db.FeedEntries
            .Where(e => e.UserId == me && e.PostId < before && db.Posts.Any(p => p.Id == e.PostId))
            .OrderByDescending(e => e.PostId)
            .Select(e => e.PostId)
            .Take(rowsPlusOne);
        var mergedAtRead = db.Posts
            .Where(p => p.DeliveredAtRead && p.Id < before && db.Follows.Any(f => f.FollowerId == me && f.FolloweeId == p.AuthorId))
            .OrderByDescending(p => p.Id)
            .Select(p => p.Id)
            .Take(rowsPlusOne);
        var pageIds = fannedOut.Union(mergedAtRead);

        var rows = await db.Posts.Where(p => pageIds.Contains(p.Id))
            .ToPostDtos(db, me)
            .Take(rowsPlusOne)
            .ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, request.Limit, p => p.Id);
    }
}
