using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using MediatR;

namespace CleanBackend.Application.Common.Behaviors;

/// <summary>Innermost: each command runs in one transaction; queries pass straight through.</summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is ICommandMarker
            ? unitOfWork.ExecuteAsync(() => next(), cancellationToken)
            : next();
}
