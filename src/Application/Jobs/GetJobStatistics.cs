using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>The dashboard's chart: runs per job type over the last <see cref="Hours"/> hours, counted and timed per bucket.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetJobStatisticsQuery(int Hours = 6, int BucketMinutes = 15) : IQuery<JobStatisticsDto>
{
    /// <summary>More bars than this do not fit a chart.</summary>
    public const int MaxBuckets = 500;
}

/// <param name="From">Start of the first bucket (the window's start, rounded down to a whole bucket).</param>
/// <param name="To">Now: the end of the last bucket, which is still filling.</param>
/// <param name="Jobs">One entry per job type that ran in the window; buckets without runs are left out.</param>
public sealed record JobStatisticsDto(DateTimeOffset From, DateTimeOffset To, int BucketMinutes, IReadOnlyList<JobTypeStatisticsDto> Jobs);

public sealed record JobTypeStatisticsDto(string Job, IReadOnlyList<JobStatisticsBucketDto> Buckets);

/// <param name="Failed">Failed runs, retried ones included.</param>
/// <param name="P50Ms">Median duration of the bucket's runs, every result included.</param>
/// <param name="P95Ms">95th percentile duration.</param>
public sealed record JobStatisticsBucketDto(
    DateTimeOffset Start,
    int Succeeded,
    int Failed,
    int Cancelled,
    int Skipped,
    double P50Ms,
    double P95Ms,
    double MaxMs);

public sealed class GetJobStatisticsValidator : AbstractValidator<GetJobStatisticsQuery>
{
    public GetJobStatisticsValidator()
    {
        RuleFor(x => x.Hours).InclusiveBetween(1, GetJobsOverviewQuery.MaxHours);
        RuleFor(x => x.BucketMinutes).InclusiveBetween(1, 24 * 60);
        RuleFor(x => x.BucketMinutes)
            .Must((query, minutes) => query.Hours * 60 / minutes <= GetJobStatisticsQuery.MaxBuckets)
            .When(x => x.BucketMinutes >= 1)
            .WithMessage($"hours / bucketMinutes gives more than {GetJobStatisticsQuery.MaxBuckets} buckets; choose larger buckets.");
    }
}

public sealed class GetJobStatisticsHandler(IJobsDashboard dashboard, IClock clock) : IRequestHandler<GetJobStatisticsQuery, JobStatisticsDto>
{
    public async Task<JobStatisticsDto> Handle(GetJobStatisticsQuery request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var bucket = TimeSpan.FromMinutes(request.BucketMinutes);
        // Buckets start at whole multiples of their size (Quartz counts them so), so the window starts on one too.
        var start = now.AddHours(-request.Hours).UtcTicks;
        var from = new DateTimeOffset(start - start % bucket.Ticks, TimeSpan.Zero);
        var jobs = await dashboard.GetStatisticsAsync(from, bucket, cancellationToken);
        return new JobStatisticsDto(from, now, request.BucketMinutes, jobs);
    }
}
