using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Social;
using MediatR;

namespace CleanBackend.Application.Posts;

/// <summary>Idempotent: liking again changes nothing and raises no second <see cref="PostLiked"/>.</summary>
[Authorize]
public sealed record LikePostCommand(long PostId) : ICommand;

public sealed class LikePostHandler(IAppDbContext db, ICurrentUser caller, IClock clock) : IRequestHandler<LikePostCommand, Unit>
{
    public async Task<Unit> Handle(LikePostCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var post = await db.RequirePostAsync(request.PostId, cancellationToken);

        if (await db.AddIfAbsentAsync(new PostLike(post.Id, me, clock.UtcNow), cancellationToken))
        {
            await db.AddToLikeCountAsync(post.Id, 1, cancellationToken);
            post.RecordLike(me);
        }
        return Unit.Value;
    }
}
