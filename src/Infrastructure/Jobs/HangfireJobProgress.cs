using System.Globalization;
using CleanBackend.Application.Common.Interfaces;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>
/// Keeps a running job's progress in Hangfire's storage, as the job parameter <c>Progress</c>
/// ("40,000 of 100,000 followers (40%)"), which the dashboard lists on the job's page whichever node runs the job.
/// One per job scope: <see cref="JobScopeActivator"/> tells it which job the scope runs. In any other scope (a request's)
/// it has no job, and a report goes nowhere.
/// </summary>
public sealed class HangfireJobProgress : IJobProgress
{
    private const string Parameter = "Progress";

    internal JobActivatorContext? Job { get; set; }

    public Task ReportAsync(long done, long total, string unit, CancellationToken cancellationToken)
    {
        Job?.SetJobParameter(Parameter, Describe(done, total, unit));
        return Task.CompletedTask;
    }

    private static string Describe(long done, long total, string unit)
    {
        var percent = total == 0 ? 100 : done * 100 / total;
        return string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {total:N0} {unit} ({percent}%)");
    }
}

/// <summary>
/// Hangfire's ASP.NET Core activator (a DI scope per job, in this host's container) that also hands the job to the
/// scope's <see cref="HangfireJobProgress"/>, so a handler the job calls reports on that job.
/// </summary>
public sealed class JobScopeActivator(IServiceScopeFactory scopes) : AspNetCoreJobActivator(scopes)
{
    public override JobActivatorScope BeginScope(JobActivatorContext context)
    {
        var scope = base.BeginScope(context);
        ((HangfireJobProgress)scope.Resolve(typeof(HangfireJobProgress))).Job = context;
        return scope;
    }
}
