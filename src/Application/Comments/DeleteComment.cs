using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Posts;
using CleanBackend.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Comments;

/// <summary>The comment's author, the post's author or an admin may delete a comment.</summary>
[Authorize]
public sealed record DeleteCommentCommand(long Id) : ICommand;

public sealed class DeleteCommentHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<DeleteCommentCommand, Unit>
{
    public async Task<Unit> Handle(DeleteCommentCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var target = await (
                from c in db.Comments
                where c.Id == request.Id
                join p in db.Posts on c.PostId equals p.Id
                select new { c.PostId, CommentAuthorId = c.AuthorId, PostAuthorId = p.AuthorId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such comment.");
        if (me != target.CommentAuthorId && me != target.PostAuthorId && !caller.IsInRole(Roles.Admin))
            throw new ForbiddenException("Only the comment's author, the post's author or an admin can delete a comment.");

        // Of two concurrent deletes only the one that removed the row decrements the count.
        if (await db.Comments.Where(c => c.Id == request.Id).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await db.AddToCommentCountAsync(target.PostId, -1, cancellationToken);
        }
        return Unit.Value;
    }
}
