using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Jobs;

/// <summary>The execution history, newest first, optionally of one job type and one result (see <see cref="JobRunResults.Filters"/>).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetJobHistoryQuery(string? Job, string? Result, string? Cursor, int Limit = Common.Paging.Cursor.DefaultLimit)
    : IQuery<CursorPage<JobRunDto>>
{
    public const int JobMaxLength = 200;
}

public sealed class GetJobHistoryValidator : AbstractValidator<GetJobHistoryQuery>
{
    public GetJobHistoryValidator()
    {
        RuleFor(x => x.Job).MaximumLength(GetJobHistoryQuery.JobMaxLength);
        RuleFor(x => x.Result).Must(r => r is null || JobRunResults.Filters.Contains(r))
            .WithMessage($"result must be one of {string.Join(", ", JobRunResults.Filters)}.");
        RuleFor(x => x.Limit).InclusiveBetween(1, Common.Paging.Cursor.MaxLimit)
            .WithMessage($"limit must be between 1 and {Common.Paging.Cursor.MaxLimit}.");
        RuleFor(x => x.Cursor).Must(c => JobHistoryCursor.TryDecode(c, out _)).WithMessage("cursor is not a cursor this API returned.");
    }
}

public sealed class GetJobHistoryHandler(IJobsDashboard dashboard) : IRequestHandler<GetJobHistoryQuery, CursorPage<JobRunDto>>
{
    public async Task<CursorPage<JobRunDto>> Handle(GetJobHistoryQuery request, CancellationToken cancellationToken)
    {
        JobHistoryCursor.TryDecode(request.Cursor, out var cursor);
        var job = string.IsNullOrWhiteSpace(request.Job) ? null : request.Job.Trim();
        var rows = await dashboard.GetHistoryAsync(
            new JobHistoryFilter(job, request.Result, cursor?.FiredBefore, cursor?.Skip ?? 0, request.Limit + 1), cancellationToken);

        return Cursor.ToPage(rows, request.Limit, items => JobHistoryCursor.After(items, cursor).Encode());
    }
}
