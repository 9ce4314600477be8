using CleanBackend.Application.Common.Exceptions;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.Application.Common.Behaviors;

/// <summary>Outermost: logs failures that are not the caller's fault, with the request type, and rethrows.</summary>
public sealed class UnhandledExceptionBehavior<TRequest, TResponse>(ILogger<TRequest> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception ex) when (!IsExpected(ex))
        {
            // The request object is not logged: it may hold passwords or tokens.
            logger.LogError(ex, "Request {RequestName} failed", typeof(TRequest).Name);
            throw;
        }
    }

    private static bool IsExpected(Exception ex) => ex is ValidationException or NotFoundException
        or ConflictException or ForbiddenException or UnauthorizedException or OperationCanceledException
        or PayloadTooLargeException or UnsupportedMediaTypeException
        or Domain.Common.DomainRuleException;
}
