using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Posts;

/// <summary>
/// Deletes a post (author or admin). Likes and comments go with it (cascade); its media become unused uploads
/// for the media cleanup to collect; a job removes it from every feed, and reads skip it from the commit on.
/// </summary>
[Authorize]
public sealed record DeletePostCommand(long Id) : ICommand;

public sealed class DeletePostHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<DeletePostCommand, Unit>
{
    public async Task<Unit> Handle(DeletePostCommand request, CancellationToken cancellationToken)
    {
        var post = await db.RequirePostAsync(request.Id, cancellationToken);
        if (post.AuthorId != caller.RequiredUserId && !caller.IsInRole(Roles.Admin))
            throw new ForbiddenException("Only the author or an admin can delete a post.");

        await db.MediaFiles.Where(m => m.PostId == post.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PostId, (long?)null), cancellationToken);
        // The deleted row count decides, so of two concurrent deletes only one raises PostDeleted.
        if (await db.Posts.Where(p => p.Id == post.Id).ExecuteDeleteAsync(cancellationToken) > 0) post.Delete();
        return Unit.Value;
    }
}
