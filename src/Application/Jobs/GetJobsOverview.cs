using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>The dashboard's headline numbers over the last <see cref="Hours"/> hours, and which scheduler answers.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetJobsOverviewQuery(int Hours = GetJobsOverviewQuery.DefaultHours) : IQuery<JobsOverviewDto>
{
    public const int DefaultHours = 24;

    /// <summary>A week: the history keeps failures that long (successes a day), see BackgroundJobsSetup.</summary>
    public const int MaxHours = 168;
}

/// <param name="Since">Start of the window the run counts cover.</param>
public sealed record JobsOverviewDto(
    DateTimeOffset Since,
    int Succeeded,
    int Failed,
    int Retrying,
    int Executing,
    JobSchedulerInfo Scheduler);

public sealed class GetJobsOverviewValidator : AbstractValidator<GetJobsOverviewQuery>
{
    public GetJobsOverviewValidator() => RuleFor(x => x.Hours).InclusiveBetween(1, GetJobsOverviewQuery.MaxHours);
}

public sealed class GetJobsOverviewHandler(IJobsDashboard dashboard, IClock clock) : IRequestHandler<GetJobsOverviewQuery, JobsOverviewDto>
{
    public async Task<JobsOverviewDto> Handle(GetJobsOverviewQuery request, CancellationToken cancellationToken)
    {
        var since = clock.UtcNow.AddHours(-request.Hours);
        var counts = await dashboard.GetCountsAsync(since, cancellationToken);
        var scheduler = await dashboard.GetSchedulerAsync(cancellationToken);
        return new JobsOverviewDto(since, counts.Succeeded, counts.Failed, counts.Retrying, counts.Executing, scheduler);
    }
}
