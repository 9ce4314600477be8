using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Follows;

/// <summary>Idempotent: unfollowing someone you don't follow changes nothing.</summary>
[Authorize]
public sealed record UnfollowUserCommand(string UserName) : ICommand;

public sealed class UnfollowUserValidator : AbstractValidator<UnfollowUserCommand>
{
    public UnfollowUserValidator() => RuleFor(x => x.UserName).ValidUserName();
}

public sealed class UnfollowUserHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<UnfollowUserCommand, Unit>
{
    public async Task<Unit> Handle(UnfollowUserCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var followeeId = await db.RequireUserIdAsync(request.UserName, cancellationToken);
        if (followeeId == me) throw new DomainRuleException("userName", "You cannot unfollow yourself.");

        var follow = await db.Follows.SingleOrDefaultAsync(f => f.FollowerId == me && f.FolloweeId == followeeId, cancellationToken);
        // The deleted row count decides, so of two concurrent unfollows only one raises UserUnfollowed.
        if (follow is not null && await db.Follows.Where(f => f.Id == follow.Id).ExecuteDeleteAsync(cancellationToken) > 0)
            follow.RecordUnfollow();
        return Unit.Value;
    }
}
