using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>The job types there are, for the history's filter.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListJobTypesQuery : IQuery<IReadOnlyList<string>>;

public sealed class ListJobTypesHandler(IJobsDashboard dashboard) : IRequestHandler<ListJobTypesQuery, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(ListJobTypesQuery request, CancellationToken cancellationToken) =>
        dashboard.GetJobTypesAsync(cancellationToken);
}
