using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.Application.Users;

/// <summary>
/// Changes the caller's password and signs out every other device: if the password leaked, sessions opened
/// with it must not outlive the change. The calling session stays.
/// </summary>
[Authorize]
public sealed record ChangeMyPasswordCommand(string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangeMyPasswordValidator : AbstractValidator<ChangeMyPasswordCommand>
{
    public ChangeMyPasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(User.PasswordMaxLength);
        RuleFor(x => x.NewPassword).ValidPassword();
    }
}

public sealed class ChangeMyPasswordHandler(IAppDbContext db, ICurrentUser caller, IPasswordHasher hasher, IClock clock)
    : IRequestHandler<ChangeMyPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangeMyPasswordCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequiredUserId;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("The account no longer exists.");

        // A field error, not 401: the caller is signed in, one field of the form is wrong.
        if (!hasher.Verify(user.PasswordHash, request.CurrentPassword))
            throw new ValidationException("currentPassword", "The current password is wrong.");

        user.SetPasswordHash(hasher.Hash(request.NewPassword));

        var callerSession = caller.SessionId;
        var others = await db.UserSessions
            .Where(s => s.UserId == userId && s.Id != callerSession && s.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        others.ForEach(s => s.Revoke(now));
        return Unit.Value;
    }
}
