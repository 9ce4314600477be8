using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>The recurring jobs: schedule in words, next and last run, last result.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListRecurringJobsQuery : IQuery<IReadOnlyList<RecurringJobDto>>;

/// <param name="Name">The name used in Jobs:Recurring:&lt;name&gt; and in the trigger/pause/resume routes.</param>
/// <param name="Cron">The Quartz cron expression (seconds first).</param>
/// <param name="Schedule">The expression in words, or null for a pattern the describer does not know.</param>
/// <param name="TimeZone">The time zone the expression is read in.</param>
/// <param name="State">"normal", "paused", "blocked" (a run is still going), "executing", "error" or "complete".</param>
/// <param name="NextRun">Null while paused.</param>
public sealed record RecurringJobDto(
    string Name,
    string JobType,
    string Cron,
    string? Schedule,
    string TimeZone,
    string State,
    DateTimeOffset? NextRun,
    DateTimeOffset? PreviousRun,
    JobLastRunDto? LastRun);

public sealed class ListRecurringJobsHandler(IJobsDashboard dashboard) : IRequestHandler<ListRecurringJobsQuery, IReadOnlyList<RecurringJobDto>>
{
    public async Task<IReadOnlyList<RecurringJobDto>> Handle(ListRecurringJobsQuery request, CancellationToken cancellationToken)
    {
        var jobs = await dashboard.GetRecurringJobsAsync(cancellationToken);
        return jobs
            .Select(j => new RecurringJobDto(j.Name, j.JobType, j.Cron, CronDescription.Describe(j.Cron), j.TimeZone, j.State,
                j.NextRun, j.PreviousRun, j.LastRun))
            .ToList();
    }
}
