using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>The jobs running now, on every node of the cluster, with their progress where the job reports it.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListExecutingJobsQuery : IQuery<IReadOnlyList<ExecutingJobDto>>
{
    public const int Limit = 100;
}

/// <param name="RunningMs">How long it has run, by this node's clock (clamped at zero: nodes' clocks differ a little).</param>
/// <param name="Progress">0-100 as the job last reported it (written at most once a second), or null when it reports none.</param>
public sealed record ExecutingJobDto(
    string FireInstanceId,
    string Job,
    string Trigger,
    string Node,
    DateTimeOffset StartedAt,
    double RunningMs,
    int? Progress,
    string? ProgressMessage);

public sealed class ListExecutingJobsHandler(IJobsDashboard dashboard) : IRequestHandler<ListExecutingJobsQuery, IReadOnlyList<ExecutingJobDto>>
{
    public Task<IReadOnlyList<ExecutingJobDto>> Handle(ListExecutingJobsQuery request, CancellationToken cancellationToken) =>
        dashboard.GetExecutingAsync(ListExecutingJobsQuery.Limit, cancellationToken);
}
