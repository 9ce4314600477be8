using Hangfire;
using MediatR;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// A job sends its command through the mediator on whichever node picks it up: the work lives in the command's
/// handler, the job class names it for Hangfire (the dashboard groups runs by job class and shows the method's
/// <see cref="System.ComponentModel.DisplayNameAttribute"/>, formatted with the job's arguments).
/// </summary>
/// <remarks>
/// The retry policy of every job: 4 retries, so 5 attempts in all, 2 s, 4 s, 8 s and 16 s after each failure; a job
/// that fails the fifth time is Failed (kept on the dashboard's Failed page with its exception until retried or deleted).
/// On the class rather than in Hangfire's global filters, whose default (10 attempts) would otherwise apply as well.
/// </remarks>
[AutomaticRetry(Attempts = 4, DelaysInSeconds = [2, 4, 8, 16], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public abstract class CommandJob(IMediator mediator)
{
    protected Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> command, CancellationToken cancellationToken) =>
        mediator.Send(command, cancellationToken);
}

/// <summary>A recurring job: the same command on every occurrence, one occurrence at a time across the cluster.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public abstract class RecurringCommandJob(IMediator mediator) : CommandJob(mediator)
{
    public abstract Task RunAsync(CancellationToken cancellationToken);
}
