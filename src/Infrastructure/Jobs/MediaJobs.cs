using CleanBackend.Application.Media;
using MediatR;

namespace CleanBackend.Infrastructure.Jobs;

public sealed class MediaCleanupJob(IMediator mediator) : RecurringCommandJob(mediator)
{
    public override Task RunAsync(CancellationToken cancellationToken) => SendAsync(new DeleteUnusedMediaCommand(), cancellationToken);
}
