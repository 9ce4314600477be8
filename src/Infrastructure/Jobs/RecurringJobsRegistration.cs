using Microsoft.Extensions.Hosting;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>Registers every recurring job with Hangfire when a <c>jobs</c> node starts (<see cref="RecurringJobs.RegisterAll"/>).</summary>
public sealed class RecurringJobsRegistration(RecurringJobs recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.RegisterAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
