using MediatR;
using Quartz;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// A one-off job that sends its input through the mediator: the work lives in the command's handler, the
/// job class only names it for Quartz (its job type, shown by dashboards and execution history).
/// </summary>
public abstract class CommandJob<TCommand>(IMediator mediator) : IJob<TCommand> where TCommand : IRequest
{
    public async ValueTask Execute(IJobExecutionContext context, TCommand input, CancellationToken cancellationToken = default) =>
        await mediator.Send(input, cancellationToken);
}

/// <summary>A recurring job that sends the same command on every firing; one firing at a time.</summary>
[DisallowConcurrentExecution]
public abstract class RecurringCommandJob<TResponse>(IMediator mediator) : IJob
{
    protected abstract IRequest<TResponse> CreateCommand();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mediator.Send(CreateCommand(), cancellationToken);
}
