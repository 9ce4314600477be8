using System.Reflection;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Security;
using MediatR;

namespace CleanBackend.Application.Common.Behaviors;

/// <summary>Enforces [Authorize] on the request type: nobody signed in -> 401, missing role -> 403.</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute[] Requirements =
        typeof(TRequest).GetCustomAttributes<AuthorizeAttribute>().ToArray();

    // The role names of each attribute that sets them, parsed once per request type (after Requirements: static
    // fields initialise in textual order). The caller must hold one role of every set.
    private static readonly string[][] RequiredRoleSets = Requirements
        .Where(r => r.Roles.Length > 0)
        .Select(r => r.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToArray();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Requirements.Length == 0) return next();
        if (currentUser.UserId is null) throw new UnauthorizedException();

        foreach (var roles in RequiredRoleSets)
            if (!roles.Any(currentUser.IsInRole)) throw new ForbiddenException();

        return next();
    }
}
