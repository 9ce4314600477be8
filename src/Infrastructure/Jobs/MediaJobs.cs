using CleanBackend.Application.Media;
using MediatR;

namespace CleanBackend.Infrastructure.Jobs;

public sealed class MediaCleanupJob(IMediator mediator) : RecurringCommandJob<int>(mediator)
{
    protected override IRequest<int> CreateCommand() => new DeleteUnusedMediaCommand();
}
