using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Users;

/// <summary>
/// Run at startup when an admin is configured: creates the admin account, or promotes an existing user of
/// that name to admin without touching anything else (password, email and profile stay as they are).
/// </summary>
public sealed record EnsureAdminCommand(string UserName, string Password, string Email) : ICommand<EnsureAdminOutcome>;

public enum EnsureAdminOutcome
{
    Created,
    Promoted,
    AlreadyAdmin,
}

public sealed class EnsureAdminValidator : AbstractValidator<EnsureAdminCommand>
{
    public EnsureAdminValidator()
    {
        RuleFor(x => x.UserName).ValidUserName();
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.Email).ValidEmail();
    }
}

public sealed class EnsureAdminHandler(IAppDbContext db, IIdGenerator ids, IClock clock, IPasswordHasher hasher)
    : IRequestHandler<EnsureAdminCommand, EnsureAdminOutcome>
{
    public async Task<EnsureAdminOutcome> Handle(EnsureAdminCommand request, CancellationToken cancellationToken)
    {
        var userName = request.UserName.ToLowerInvariant();
        var existing = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (existing is not null)
        {
            if (existing.Role == Roles.Admin) return EnsureAdminOutcome.AlreadyAdmin;
            existing.PromoteToAdmin();
            return EnsureAdminOutcome.Promoted;
        }

        var normalizedEmail = User.NormalizeEmail(request.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
            throw new ConflictException($"The admin email '{request.Email}' is already registered to another user.");

        var admin = new User(ids.NextId(), userName, request.Email.Trim(), userName, Roles.Admin, clock.UtcNow);
        admin.SetPasswordHash(hasher.Hash(request.Password));
        db.Users.Add(admin);
        return EnsureAdminOutcome.Created;
    }
}
