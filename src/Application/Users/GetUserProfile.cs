using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

/// <summary>Anyone's public profile, by userName (any case). No email; whether the caller follows them.</summary>
public sealed record GetUserProfileQuery(string UserName) : IQuery<UserProfileDto>;

public sealed class GetUserProfileValidator : AbstractValidator<GetUserProfileQuery>
{
    public GetUserProfileValidator() => RuleFor(x => x.UserName).ValidUserName();
}

public sealed class GetUserProfileHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetUserProfileQuery, UserProfileDto>
{
    public async Task<UserProfileDto> Handle(GetUserProfileQuery request, CancellationToken cancellationToken)
    {
        var userName = request.UserName.ToLowerInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new NotFoundException($"There is no user '{userName}'.");
        var followedByMe = caller.UserId is { } callerId
            && await db.Follows.AnyAsync(f => f.FollowerId == callerId && f.FolloweeId == user.Id, cancellationToken);
        return new UserProfileDto(user.Id, user.UserName, user.DisplayName, user.Bio, user.Role, user.CreatedAt, followedByMe);
    }
}
