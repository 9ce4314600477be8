using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Jobs;
using Quartz;
using Quartz.Extensibility;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// The jobs dashboard over Quartz's own query APIs. With the persistent clustered store, nodes and running
/// firings come from the shared qrtz_* tables and the history from qrtz_execution_history, so any node answers
/// for the whole cluster. With the in-memory store there is one node (this process) and Quartz's in-memory
/// execution history, bounded and lost on restart.
/// </summary>
public sealed class QuartzJobsDashboard(ISchedulerFactory schedulers, IExecutionHistoryStore history, IClock clock) : IJobsDashboard
{
    /// <summary>More triggers than this are not scanned for waiting retries (each pending one-off job has one).</summary>
    private const int RetryScanLimit = 5000;

    public async Task<JobSchedulerInfo> GetSchedulerAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);
        return new JobSchedulerInfo(
            scheduler.SchedulerName,
            scheduler.SchedulerInstanceId,
            metadata.JobStorePersistent ? "postgres" : "memory",
            metadata.JobStoreClustered,
            // BackgroundJobsSetup keeps the history in the database exactly when the job store is persistent.
            metadata.JobStorePersistent ? "database" : "memory",
            metadata.RunningSince);
    }

    public async Task<JobCounts> GetCountsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var all = await CountAsync(scheduler, since, finalFailuresOnly: false, cancellationToken);
        var finalFailures = await CountAsync(scheduler, since, finalFailuresOnly: true, cancellationToken);

        // A trigger whose occurrence failed and is waiting for its next attempt carries the attempts behind it.
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = RetryScanLimit }, cancellationToken);
        var retrying = triggers.Items.Count(t => t.RetryAttempt > 0);

        var executing = await scheduler.QueryFireInstances(
            new FireInstanceQuery { State = FireInstanceState.Executing, Take = 0, IncludeTotalCount = true }, cancellationToken);

        return new JobCounts(
            Count(all.Buckets.Sum(b => b.SucceededCount + b.SkippedCount)),
            Count(finalFailures.Buckets.Sum(b => b.FailedCount)),
            retrying,
            executing.TotalCount ?? executing.Items.Count);
    }

    public async Task<IReadOnlyList<JobTypeStatisticsDto>> GetStatisticsAsync(DateTimeOffset since, TimeSpan bucketSize, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var result = new List<JobTypeStatisticsDto>();
        foreach (var job in await KnownJobsAsync(scheduler, cancellationToken))
        {
            var statistics = await history.QueryExecutionStatistics(new ExecutionStatisticsQuery
            {
                SchedulerName = scheduler.SchedulerName,
                Job = job,
                FiredFrom = since,
                BucketSize = bucketSize,
            }, cancellationToken);
            if (statistics.Buckets.Count == 0) continue;
            result.Add(new JobTypeStatisticsDto(job.Name, statistics.Buckets.Select(b => new JobStatisticsBucketDto(
                b.StartUtc, Count(b.SucceededCount), Count(b.FailedCount), Count(b.CancelledCount), Count(b.SkippedCount),
                b.P50Duration.TotalMilliseconds, b.P95Duration.TotalMilliseconds, b.MaxDuration.TotalMilliseconds)).ToList()));
        }
        return result;
    }

    public async Task<IReadOnlyList<ClusterNodeDto>> GetNodesAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var nodes = await scheduler.QueryClusterNodes(cancellationToken);
        return nodes
            .OrderBy(n => n.InstanceId, StringComparer.Ordinal)
            .Select(n => new ClusterNodeDto(n.InstanceId, n.LastCheckInUtc, n.CheckInInterval?.TotalSeconds,
                n.State.ToString().ToLowerInvariant(), n.State != ClusterNodeState.Alive, n.IsCurrentNode))
            .ToList();
    }

    public async Task<IReadOnlyList<ExecutingJobDto>> GetExecutingAsync(int limit, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var running = await scheduler.QueryFireInstances(new FireInstanceQuery { State = FireInstanceState.Executing, Take = limit }, cancellationToken);
        var now = clock.UtcNow;
        return running.Items
            .OrderBy(f => f.FireTimeUtc)
            .Select(f => new ExecutingJobDto(f.FireInstanceId, f.JobKey?.Name ?? "", f.TriggerKey.Name, f.SchedulerInstanceId, f.FireTimeUtc,
                Math.Max(0, (now - f.FireTimeUtc).TotalMilliseconds), f.Progress, f.ProgressMessage))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> GetJobTypesAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return (await KnownJobsAsync(scheduler, cancellationToken)).Select(j => j.Name).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<RecurringJobState>> GetRecurringJobsAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggers = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(RecurringJobs.Group), Take = PagedQuery.All }, cancellationToken);
        var jobs = (await scheduler.QueryJobs(
                new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(RecurringJobs.Group), Take = PagedQuery.All }, cancellationToken))
            .Items.ToDictionary(j => j.Key);
        var statuses = (await history.QueryJobRunStatuses(new JobRunStatusQuery
            {
                SchedulerName = scheduler.SchedulerName,
                Jobs = triggers.Items.Select(t => t.JobKey).ToList(),
                Take = PagedQuery.All,
            }, cancellationToken))
            .Items.ToDictionary(s => s.Job);

        var result = new List<RecurringJobState>();
        foreach (var header in triggers.Items.OrderBy(t => t.Key.Name, StringComparer.Ordinal))
        {
            if (await scheduler.GetTrigger(header.Key, cancellationToken) is not ICronTrigger cron) continue;
            result.Add(new RecurringJobState(
                header.Key.Name,
                jobs.TryGetValue(header.JobKey, out var job) ? ShortTypeName(job.JobTypeName) : header.JobKey.Name,
                cron.CronExpressionString ?? "",
                cron.TimeZone.Id,
                header.State.ToString().ToLowerInvariant(),
                header.NextFireTimeUtc,
                header.PreviousFireTimeUtc,
                statuses.TryGetValue(header.JobKey, out var status) ? LastRun(status) : null));
        }
        return result;
    }

    public async Task<IReadOnlyList<JobRunDto>> GetHistoryAsync(JobHistoryFilter filter, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        JobKey? job = null;
        if (filter.Job is not null)
        {
            job = (await KnownJobsAsync(scheduler, cancellationToken)).FirstOrDefault(j => j.Name == filter.Job);
            if (job is null) return [];
        }

        var query = new ExecutionHistoryQuery
        {
            SchedulerName = scheduler.SchedulerName,
            Job = job,
            FiredBefore = filter.FiredBefore,
            Skip = filter.Skip,
            Take = filter.Take,
        };
        query = filter.Result switch
        {
            null => query,
            JobRunResults.Failed => query with { Results = [JobRunResult.Failed], FailedFinally = true },
            JobRunResults.Retried => query with { Results = [JobRunResult.Failed], FailedFinally = false },
            JobRunResults.Succeeded => query with { Results = [JobRunResult.Succeeded] },
            JobRunResults.Cancelled => query with { Results = [JobRunResult.Cancelled] },
            JobRunResults.Skipped => query with { Results = [JobRunResult.Skipped] },
            var other => throw new ArgumentOutOfRangeException(nameof(filter), other, "Unknown result filter."),
        };

        var page = await history.QueryExecutions(query, cancellationToken);
        return page.Items.Where(e => e.EntryId is not null).Select(Run).ToList();
    }

    public async Task<bool> TriggerRecurringJobAsync(string name, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = new JobKey(name, RecurringJobs.Group);
        if (!await scheduler.Exists(job, cancellationToken)) return false;
        await scheduler.TriggerJob(job, new JobDataMap(), cancellationToken);
        return true;
    }

    public async Task<bool> PauseRecurringJobAsync(string name, string pausedBy, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = new TriggerKey(name, RecurringJobs.Group);
        if (!await scheduler.Exists(trigger, cancellationToken)) return false;
        await scheduler.PauseTriggerWith(trigger, new PauseDetails { RequestedBy = pausedBy, Reason = "Paused from the jobs dashboard" }, cancellationToken);
        return true;
    }

    public async Task<bool> ResumeRecurringJobAsync(string name, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = new TriggerKey(name, RecurringJobs.Group);
        if (!await scheduler.Exists(trigger, cancellationToken)) return false;
        await scheduler.ResumeTrigger(trigger, cancellationToken);
        return true;
    }

    public async Task<JobRetryOutcome> RetryRunAsync(string runId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var run = await history.GetExecution(scheduler.SchedulerName, runId, cancellationToken);
        if (run is null) return JobRetryOutcome.NotFound;
        if (run.EffectiveResult != JobRunResult.Failed) return JobRetryOutcome.NotFailed;

        var job = new JobKey(run.JobName, run.JobGroup);
        if (!await scheduler.Exists(job, cancellationToken)) return JobRetryOutcome.JobGone;
        // One-off jobs carry their command as input; recurring jobs take none.
        if (run.InputTooLarge || (run.Input is null && job.Group == SchedulerConstants.ScheduledJobGroup)) return JobRetryOutcome.InputUnknown;

        var data = new JobDataMap();
        if (run.Input is not null) data[SchedulerConstants.JobInput] = run.Input;
        await scheduler.TriggerJob(job, data, cancellationToken);
        return JobRetryOutcome.Started;
    }

    /// <summary>The jobs stored in the scheduler and those the history has runs of (a job type may have gone since).</summary>
    private async Task<IReadOnlyList<JobKey>> KnownJobsAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var stored = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, cancellationToken);
        var ran = await history.QueryJobRunStatuses(new JobRunStatusQuery { SchedulerName = scheduler.SchedulerName, Take = PagedQuery.All }, cancellationToken);
        return stored.Items.Select(j => j.Key).Union(ran.Items.Select(s => s.Job)).ToList();
    }

    private Task<ExecutionStatistics> CountAsync(IScheduler scheduler, DateTimeOffset since, bool finalFailuresOnly, CancellationToken cancellationToken) =>
        history.QueryExecutionStatistics(new ExecutionStatisticsQuery
        {
            SchedulerName = scheduler.SchedulerName,
            FiredFrom = since,
            FailedFinally = finalFailuresOnly ? true : null,
            // One bucket per day: only the totals are wanted.
            BucketSize = TimeSpan.FromDays(1),
        }, cancellationToken).AsTask();

    private static JobRunDto Run(ExecutionHistoryEntry entry)
    {
        var result = ResultName(entry.EffectiveResult);
        var finalFailure = entry.EffectiveResult == JobRunResult.Failed && !entry.RetryScheduled;
        return new JobRunDto(
            entry.EntryId!,
            entry.JobName,
            entry.Manual ? "manual" : entry.TriggerName,
            entry.SchedulerInstanceId,
            entry.FiredAtUtc,
            entry.Duration.TotalMilliseconds,
            result,
            entry.RetryAttempt + 1,
            entry.RetryScheduled,
            entry.Manual,
            entry.ExceptionMessage,
            finalFailure && !entry.InputTooLarge);
    }

    private static JobLastRunDto LastRun(JobRunStatus status) => new(
        status.LastFiredAtUtc,
        ResultName(status.LastResult),
        status.LastDuration.TotalMilliseconds,
        status.LastSchedulerInstanceId,
        status.LastResult == JobRunResult.Failed ? status.LastFailureMessage : null,
        Count(status.RunCount),
        Count(status.FailureCount));

    /// <summary>Quartz counts in longs; the API's counts are ints (the API writes longs as strings, like ids).</summary>
    private static int Count(long count) => (int)Math.Min(count, int.MaxValue);

    private static string ResultName(JobRunResult result) => result switch
    {
        JobRunResult.Succeeded => JobRunResults.Succeeded,
        JobRunResult.Failed => JobRunResults.Failed,
        JobRunResult.Cancelled => JobRunResults.Cancelled,
        JobRunResult.Skipped => JobRunResults.Skipped,
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>"CleanBackend.Infrastructure.Jobs.FeedTrimJob, CleanBackend.Infrastructure" -> "FeedTrimJob".</summary>
    private static string ShortTypeName(string typeName)
    {
        var type = typeName.Split(',')[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }
}
