using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Feed;
using CleanBackend.Infrastructure.Jobs;
using CleanBackend.TestSupport;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>
/// The app with the first fan-out enqueue failing: the dispatch of that PostPublished event fails after the
/// post committed, as if the process had died there, so only the outbox sweeper can still deliver it.
/// </summary>
public sealed class FailingFirstFanOutApiFactory : ApiFactory
{
    public FailingFirstFanOutApiFactory() => Settings["Outbox:SweepDelaySeconds"] = "1";

    public FailFirstFanOut Jobs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<HangfireBackgroundJobs>();
            services.AddSingleton<IBackgroundJobs>(sp => Jobs.Wrapping(sp.GetRequiredService<HangfireBackgroundJobs>()));
        });
    }

    public sealed class FailFirstFanOut : IBackgroundJobs
    {
        private IBackgroundJobs? _inner;
        private int _failures;

        public int Failures => _failures;

        public IBackgroundJobs Wrapping(IBackgroundJobs inner)
        {
            _inner = inner;
            return this;
        }

        public Task EnqueueAsync<TCommand>(TCommand command, CancellationToken cancellationToken) where TCommand : IBaseRequest
        {
            if (command is FanOutPostCommand && Interlocked.CompareExchange(ref _failures, 1, 0) == 0)
                throw new InvalidOperationException("Simulated failure between commit and job enqueue.");
            return _inner!.EnqueueAsync(command, cancellationToken);
        }
    }
}

public sealed class OutboxSweeperTests(FailingFirstFanOutApiFactory api) : IClassFixture<FailingFirstFanOutApiFactory>
{
    [Fact]
    public async Task A_post_whose_event_dispatch_failed_after_commit_still_reaches_feeds_through_the_sweeper()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        await follower.FollowAsync(author);

        var id = await author.PublishIdAsync("delivered late");

        Assert.Equal(1, api.Jobs.Failures);
        Assert.Equal(1L, await api.Database!.ScalarAsync<long>(
            $"""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = 'PostPublished' AND "AggregateId" = {id} AND "Attempts" = 1"""));
        await follower.FeedEventuallyAsync(ids => ids.Contains(id), "holds the post the sweeper re-published");
        await Eventually.UntilAsync(async () => await api.Database!.ScalarAsync<long>(
                $"""SELECT COUNT(*) FROM "OutboxMessages" WHERE "AggregateId" = {id} AND "DispatchedAt" IS NULL""") == 0,
            "the post's outbox rows are marked dispatched");
    }
}
