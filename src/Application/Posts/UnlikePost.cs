using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Posts;

/// <summary>Idempotent: unliking a post you don't like changes nothing.</summary>
[Authorize]
public sealed record UnlikePostCommand(long PostId) : ICommand;

public sealed class UnlikePostHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<UnlikePostCommand, Unit>
{
    public async Task<Unit> Handle(UnlikePostCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        await db.RequirePostExistsAsync(request.PostId, cancellationToken);

        // The count of deleted rows, not an earlier read, decides: of two concurrent unlikes only one decrements.
        if (await db.PostLikes.Where(l => l.PostId == request.PostId && l.UserId == me).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await db.AddToLikeCountAsync(request.PostId, -1, cancellationToken);
        }
        return Unit.Value;
    }
}
