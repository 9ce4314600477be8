using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Posts;
using CleanBackend.Application.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Comments;

/// <summary>A post's comments, newest first.</summary>
public sealed record ListCommentsQuery(long PostId, string? Cursor, int Limit) : IQuery<CursorPage<CommentDto>>;

public sealed class ListCommentsValidator : AbstractValidator<ListCommentsQuery>
{
    public ListCommentsValidator() => this.AddPageRules(x => x.Cursor, x => x.Limit);
}

public sealed class ListCommentsHandler(IAppDbContext db) : IRequestHandler<ListCommentsQuery, CursorPage<CommentDto>>
{
    public async Task<CursorPage<CommentDto>> Handle(ListCommentsQuery request, CancellationToken cancellationToken)
    {
        await db.RequirePostExistsAsync(request.PostId, cancellationToken);

        Cursor.TryDecode(request.Cursor, out var before);
        var rows = await (
                from c in db.Comments
                where c.PostId == request.PostId && c.Id < before
                join u in db.Users on c.AuthorId equals u.Id
                orderby c.Id descending
                select new CommentDto(c.Id, c.PostId, new UserSummaryDto(u.Id, u.UserName, u.DisplayName), c.Text, c.CreatedAt))
            .Take(request.Limit + 1)
            .ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, request.Limit, c => c.Id);
    }
}
