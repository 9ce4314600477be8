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

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Requirements.Length == 0) return next();
        if (currentUser.UserId is null) throw new UnauthorizedException();

        foreach (var requirement in Requirements.Where(r => r.Roles.Length > 0))
        {
            var roles = requirement.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!roles.Any(currentUser.IsInRole)) throw new ForbiddenException();
        }

        return next();
    }
}
