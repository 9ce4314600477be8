using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Auth;

public sealed record RegisterUserCommand(string UserName, string Email, string Password, string DisplayName) : ICommand<UserDto>;

public sealed class RegisterUserValidator : AbstractValidator<RegisterUserCommand>
{
    public RegisterUserValidator()
    {
        RuleFor(x => x.UserName).ValidUserName();
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.DisplayName).ValidDisplayName();
    }
}

public sealed class RegisterUserHandler(IAppDbContext db, IIdGenerator ids, IClock clock, IPasswordHasher hasher)
    : IRequestHandler<RegisterUserCommand, UserDto>
{
    public async Task<UserDto> Handle(RegisterUserCommand request, CancellationToken cancellationToken)
    {
        var userName = request.UserName.ToLowerInvariant();
        var normalizedEmail = User.NormalizeEmail(request.Email);
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
            throw new ConflictException("That userName is taken.");
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
            throw new ConflictException("That email is already registered.");

        var user = new User(ids.NextId(), userName, request.Email.Trim(), request.DisplayName.Trim(), Roles.User, clock.UtcNow);
        user.SetPasswordHash(hasher.Hash(request.Password));
        db.Users.Add(user);
        return UserDto.Private(user);
    }
}
