using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Social;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Follows;

/// <summary>Idempotent: following again changes nothing and raises no second <see cref="UserFollowed"/>.</summary>
[Authorize]
public sealed record FollowUserCommand(string UserName) : ICommand;

public sealed class FollowUserValidator : AbstractValidator<FollowUserCommand>
{
    public FollowUserValidator() => RuleFor(x => x.UserName).ValidUserName();
}

public sealed class FollowUserHandler(IAppDbContext db, ICurrentUser caller, IIdGenerator ids, IClock clock)
    : IRequestHandler<FollowUserCommand, Unit>
{
    public async Task<Unit> Handle(FollowUserCommand request, CancellationToken cancellationToken)
    {
        var followeeId = await db.RequireUserIdAsync(request.UserName, cancellationToken);
        await db.AddIfAbsentAsync(new Follow(ids.NextId(), caller.RequiredUserId, followeeId, clock.UtcNow), cancellationToken);
        return Unit.Value;
    }
}
