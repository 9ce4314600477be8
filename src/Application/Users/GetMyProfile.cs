using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

/// <summary>The caller's own account, email included.</summary>
[Authorize]
public sealed record GetMyProfileQuery : IQuery<UserDto>;

public sealed class GetMyProfileHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetMyProfileQuery, UserDto>
{
    public async Task<UserDto> Handle(GetMyProfileQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequiredUserId;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("The account no longer exists.");
        return UserDto.Private(user);
    }
}
