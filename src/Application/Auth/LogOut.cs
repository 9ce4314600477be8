using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Auth;

/// <summary>Ends the session the refresh token belongs to. The refresh token is the credential, so no access token is needed.</summary>
public sealed record LogOutCommand(string RefreshToken) : ICommand;

public sealed class LogOutValidator : AbstractValidator<LogOutCommand>
{
    public LogOutValidator() => RuleFor(x => x.RefreshToken).ValidRefreshToken();
}

public sealed class LogOutHandler(IAppDbContext db, ITokenService tokens, IClock clock) : IRequestHandler<LogOutCommand, Unit>
{
    public async Task<Unit> Handle(LogOutCommand request, CancellationToken cancellationToken)
    {
        // A rotated-away token ends its session too: whoever holds it wants the session gone, and it may have leaked.
        var owner = await RefreshTokenOwner.FindAsync(db, tokens.HashRefreshToken(request.RefreshToken), cancellationToken)
            ?? throw new UnauthorizedException("The refresh token is not valid.");
        owner.Session.Revoke(clock.UtcNow);
        return Unit.Value;
    }
}
