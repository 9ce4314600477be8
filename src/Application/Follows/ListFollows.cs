using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Follows;

public enum FollowDirection
{
    /// <summary>Who follows the user.</summary>
    Followers,

    /// <summary>Whom the user follows.</summary>
    Following,
}

/// <summary>A user's followers or followees, most recent follow first.</summary>
public sealed record ListFollowsQuery(string UserName, FollowDirection Direction, string? Cursor, int Limit)
    : IQuery<CursorPage<UserSummaryDto>>;

public sealed class ListFollowsValidator : AbstractValidator<ListFollowsQuery>
{
    public ListFollowsValidator()
    {
        RuleFor(x => x.UserName).ValidUserName();
        this.AddPageRules(x => x.Cursor, x => x.Limit);
    }
}

public sealed class ListFollowsHandler(IAppDbContext db) : IRequestHandler<ListFollowsQuery, CursorPage<UserSummaryDto>>
{
    public async Task<CursorPage<UserSummaryDto>> Handle(ListFollowsQuery request, CancellationToken cancellationToken)
    {
        var userId = await db.RequireUserIdAsync(request.UserName, cancellationToken);
        Cursor.TryDecode(request.Cursor, out var before);

        var follows = request.Direction == FollowDirection.Followers
            ? db.Follows.Where(f => f.FolloweeId == userId).Select(f => new { f.Id, OtherId = f.FollowerId })
            : db.Follows.Where(f => f.FollowerId == userId).Select(f => new { f.Id, OtherId = f.FolloweeId });
        // The cursor is the follow's id (when it happened), not the listed user's.
        var rows = await (
                from f in follows
                where f.Id < before
                join u in db.Users on f.OtherId equals u.Id
                orderby f.Id descending
                select new { FollowId = f.Id, User = new UserSummaryDto(u.Id, u.UserName, u.DisplayName) })
            .Take(request.Limit + 1)
            .ToListAsync(cancellationToken);

        var page = Cursor.ToPage(rows, request.Limit, r => r.FollowId);
        return new CursorPage<UserSummaryDto>(page.Items.Select(r => r.User).ToList(), page.NextCursor);
    }
}
