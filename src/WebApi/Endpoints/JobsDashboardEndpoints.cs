using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Jobs;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

/// <summary>The JSON behind the jobs dashboard at /admin/jobs (admins only).</summary>
public static class JobsDashboardEndpoints
{
    public static void MapJobsDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/admin/jobs").WithTags("Admin: jobs");

        jobs.MapGet("/overview", async (int? hours, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetJobsOverviewQuery(hours ?? GetJobsOverviewQuery.DefaultHours), ct)))
            .WithSummary("Runs succeeded and failed (finally) in the last `hours` (default 24), retries waiting, jobs running now, and the scheduler's store")
            .Admin();

        jobs.MapGet("/statistics", async (int? hours, int? bucketMinutes, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetJobStatisticsQuery(hours ?? 6, bucketMinutes ?? 15), ct)))
            .WithSummary("Runs per job type in buckets of `bucketMinutes` over the last `hours`: counts by result and P50/P95 duration")
            .Admin();

        jobs.MapGet("/nodes", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListClusterNodesQuery(), ct)))
            .WithSummary("The scheduler nodes of the cluster with their last check-in; stale when overdue")
            .Admin();

        jobs.MapGet("/executing", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListExecutingJobsQuery(), ct)))
            .WithSummary("Jobs running now on any node, with progress where the job reports it")
            .Admin();

        jobs.MapGet("/types", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListJobTypesQuery(), ct)))
            .WithSummary("The job types, for filtering the history")
            .Admin();

        jobs.MapGet("/recurring", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRecurringJobsQuery(), ct)))
            .WithSummary("Recurring jobs: cron and its meaning in words, state, next and last run, last result")
            .Admin();

        jobs.MapPost("/recurring/{name}/trigger", (string name, IMediator mediator, CancellationToken ct) =>
                ControlAsync(name, RecurringJobAction.Trigger, TypedResults.Accepted((string?)null), mediator, ct))
            .WithSummary("Run a recurring job now, outside its schedule; it shows in the history once it ran")
            .Admin(StatusCodes.Status404NotFound);

        jobs.MapPost("/recurring/{name}/pause", (string name, IMediator mediator, CancellationToken ct) =>
                ControlAsync(name, RecurringJobAction.Pause, TypedResults.NoContent(), mediator, ct))
            .WithSummary("Pause a recurring job's schedule (idempotent)")
            .Admin(StatusCodes.Status404NotFound);

        jobs.MapPost("/recurring/{name}/resume", (string name, IMediator mediator, CancellationToken ct) =>
                ControlAsync(name, RecurringJobAction.Resume, TypedResults.NoContent(), mediator, ct))
            .WithSummary("Resume a paused recurring job's schedule (idempotent)")
            .Admin(StatusCodes.Status404NotFound);

        jobs.MapGet("/history", async (string? job, string? result, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetJobHistoryQuery(job, result, cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithSummary("Runs, newest first (cursor-paged); filter by `job` type and `result`: succeeded, failed (final failures), retried, cancelled, skipped")
            .Admin();

        // Named as the command's field, so a validation error names the route value the caller sent.
        jobs.MapPost("/history/{runId}/retry", async (string runId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RetryJobRunCommand(runId), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithSummary("Run a failed run's job again now, with the input that run had")
            .Admin(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<TResult> ControlAsync<TResult>(string name, RecurringJobAction action, TResult answer,
        IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ControlRecurringJobCommand(name, action), ct);
        return answer;
    }

    /// <summary>Documents the answers of an admin-only endpoint: 401 signed out, 403 not an admin, plus <paramref name="statuses"/>.</summary>
    private static RouteHandlerBuilder Admin(this RouteHandlerBuilder builder, params int[] statuses) =>
        builder.WithProblems([StatusCodes.Status403Forbidden, .. statuses]).RequiresUser();
}
