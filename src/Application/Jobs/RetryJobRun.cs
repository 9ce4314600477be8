using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>
/// Runs the job of a failed run again now, with the input that run had (the retry policy applies to it as to
/// any run). Not an ICommand: it changes only the job scheduler's store.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record RetryJobRunCommand(string RunId) : IRequest;

public sealed class RetryJobRunValidator : AbstractValidator<RetryJobRunCommand>
{
    public const int RunIdMaxLength = 64;

    public RetryJobRunValidator() =>
        RuleFor(x => x.RunId).NotEmpty().MaximumLength(RunIdMaxLength).Matches("^[A-Za-z0-9_-]+$")
            .WithMessage("'{PropertyName}' must be the id of a run in the history.");
}

public sealed class RetryJobRunHandler(IJobsDashboard dashboard) : IRequestHandler<RetryJobRunCommand, Unit>
{
    public async Task<Unit> Handle(RetryJobRunCommand request, CancellationToken cancellationToken) =>
        await dashboard.RetryRunAsync(request.RunId, cancellationToken) switch
        {
            JobRetryOutcome.Started => Unit.Value,
            JobRetryOutcome.NotFound => throw new NotFoundException($"There is no run '{request.RunId}' in the history (it may have been trimmed)."),
            JobRetryOutcome.NotFailed => throw new ConflictException("That run did not fail: there is nothing to retry."),
            JobRetryOutcome.InputUnknown => throw new ConflictException("That run's input was too large to record, so it cannot be run again as it was."),
            JobRetryOutcome.JobGone => throw new ConflictException("That run's job no longer exists in the scheduler."),
            var other => throw new InvalidOperationException($"Unknown retry outcome {other}."),
        };
}
