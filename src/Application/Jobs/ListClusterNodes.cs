using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>The scheduler nodes of the cluster and when each last checked in.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListClusterNodesQuery : IQuery<IReadOnlyList<ClusterNodeDto>>;

/// <param name="InstanceId">The node's scheduler instance id (node-{Node:Id}).</param>
/// <param name="LastCheckIn">Null with the in-memory store, which keeps no check-ins (one node: this process).</param>
/// <param name="State">"alive"; "overdue": missed its check-in; "failed": silent so long that the cluster takes its work over.</param>
/// <param name="Stale">Overdue or failed.</param>
/// <param name="Current">The node that answered this request.</param>
public sealed record ClusterNodeDto(string InstanceId, DateTimeOffset? LastCheckIn, double? CheckInIntervalSeconds, string State, bool Stale, bool Current);

public sealed class ListClusterNodesHandler(IJobsDashboard dashboard) : IRequestHandler<ListClusterNodesQuery, IReadOnlyList<ClusterNodeDto>>
{
    public Task<IReadOnlyList<ClusterNodeDto>> Handle(ListClusterNodesQuery request, CancellationToken cancellationToken) =>
        dashboard.GetNodesAsync(cancellationToken);
}
