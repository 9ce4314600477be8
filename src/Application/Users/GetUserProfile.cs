using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

/// <summary>Anyone's public profile, by userName (any case). No email.</summary>
public sealed record GetUserProfileQuery(string UserName) : IQuery<UserDto>;

public sealed class GetUserProfileValidator : AbstractValidator<GetUserProfileQuery>
{
    public GetUserProfileValidator() => RuleFor(x => x.UserName).ValidUserName();
}

public sealed class GetUserProfileHandler(IAppDbContext db) : IRequestHandler<GetUserProfileQuery, UserDto>
{
    public async Task<UserDto> Handle(GetUserProfileQuery request, CancellationToken cancellationToken)
    {
        var userName = request.UserName.ToLowerInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new NotFoundException($"There is no user '{userName}'.");
        return UserDto.Public(user);
    }
}
