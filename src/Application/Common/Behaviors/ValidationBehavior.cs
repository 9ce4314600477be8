using FluentValidation;
using MediatR;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.Application.Common.Behaviors;

/// <summary>
/// Runs every validator of the request, after the rule every request's text obeys (<see cref="NulCharacterRule{TRequest}"/>);
/// all failures come back together, grouped by field.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = NulCharacterRule<TRequest>.Check(request).ToList();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0) throw new ValidationException(failures);
        return await next();
    }
}
