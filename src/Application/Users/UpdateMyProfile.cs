using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Common.Validation;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

/// <summary>Sets the caller's profile fields. displayName is required; a null or blank bio clears it.</summary>
[Authorize]
public sealed record UpdateMyProfileCommand(string DisplayName, string? Bio) : ICommand<UserDto>;

public sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfileCommand>
{
    public UpdateMyProfileValidator()
    {
        RuleFor(x => x.DisplayName).ValidDisplayName();
        RuleFor(x => x.Bio!).MaximumCharacters(User.BioMaxLength);
    }
}

public sealed class UpdateMyProfileHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<UpdateMyProfileCommand, UserDto>
{
    public async Task<UserDto> Handle(UpdateMyProfileCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequiredUserId;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("The account no longer exists.");
        user.UpdateProfile(request.DisplayName.Trim(), request.Bio?.Trim());
        return UserDto.Private(user);
    }
}
