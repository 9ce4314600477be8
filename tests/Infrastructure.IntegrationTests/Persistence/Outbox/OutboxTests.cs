using CleanBackend.Application;
using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Social;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.Infrastructure.Persistence.Outbox;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence.Outbox;

/// <summary>The transactional outbox on PostgreSQL, driven through the real pipeline and unit of work.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private AppServices _services = null!;
    private OutboxProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync(DatabaseProvider.Postgres);
        _probe = new OutboxProbe(_database.ConnectionString);
        _services = new AppServices(_database, services =>
        {
            services.AddScoped<ICurrentUser, AnonymousCaller>();
            services.AddSingleton(_probe);
            // UserFollowed stands in for any event here, with made-up user ids: the application's own handlers
            // of it (notifications, feed jobs) would trip over those, so only this test's handlers remain.
            services.RemoveAll<INotificationHandler<DomainEventRaised<UserFollowed>>>();
            services.RemoveAll<INotificationHandler<DomainEventCommitted<UserFollowed>>>();
            services.AddMediatorHandlersFrom(typeof(OutboxTests).Assembly);
        });
        await _services.WithDbAsync(async db => { await db.Database.MigrateAsync(); return 0; });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<long> SendAsync(FollowCommand command)
    {
        await using var scope = _services.Provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private Task<List<OutboxMessage>> OutboxAsync() =>
        _services.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private Task<bool> UserExistsAsync(string userName) =>
        _services.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName));

    [Fact]
    public async Task Command_writes_its_event_to_the_outbox_and_marks_it_dispatched_after_the_committed_handlers_ran()
    {
        var userId = await SendAsync(new FollowCommand("alice", [new UserFollowed(11, 101)]));

        var message = Assert.Single(await OutboxAsync());
        Assert.Equal(11, message.AggregateId);
        Assert.Equal(nameof(UserFollowed), message.Type);
        Assert.Equal(new UserFollowed(11, 101), DomainEventTypes.Deserialize(message.Type, message.Payload));
        Assert.NotNull(message.DispatchedAt);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.LastError);
        Assert.True(await _services.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        Assert.Equal(["raised 101", "committed 101"], _probe.Timeline);
    }

    [Fact]
    public async Task Raised_handlers_run_inside_the_transaction_before_anything_is_committed()
    {
        await SendAsync(new FollowCommand("alice", [new UserFollowed(12, 102)]));

        var raised = Assert.Single(_probe.Raised);
        Assert.True(raised.InsideTransaction);
        Assert.Equal(0, raised.CommittedOutboxRows);
    }

    [Fact]
    public async Task Committed_handlers_run_after_commit_with_the_outbox_id_of_their_event()
    {
        await SendAsync(new FollowCommand("alice", [new UserFollowed(13, 103)]));

        var committed = Assert.Single(_probe.Committed);
        Assert.Equal(Assert.Single(await OutboxAsync()).Id, committed.OutboxId);
        Assert.Equal(1, committed.CommittedOutboxRows);
        Assert.Equal(1, committed.CommittedUsers);
    }

    [Fact]
    public async Task Rows_added_by_raised_handlers_commit_with_the_change()
    {
        await SendAsync(new FollowCommand("alice", [new UserFollowed(14, 104)]));

        Assert.True(await UserExistsAsync("alice"));
        Assert.True(await UserExistsAsync(FollowRaisedHandler.NotificationUserName(104)));
    }

    [Fact]
    public async Task Command_throwing_after_saving_rolls_back_its_change_its_outbox_rows_and_the_raised_handlers_rows()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SendAsync(new FollowCommand("alice", [new UserFollowed(15, 105)], FailAfterSaving: true)));

        Assert.Equal("The command failed after saving.", error.Message);
        Assert.Single(_probe.Raised);
        Assert.Empty(await OutboxAsync());
        Assert.False(await UserExistsAsync("alice"));
        Assert.False(await UserExistsAsync(FollowRaisedHandler.NotificationUserName(105)));
        Assert.DoesNotContain(_probe.Timeline, entry => entry.StartsWith("committed"));
    }

    [Fact]
    public async Task Failing_raised_handler_fails_the_command_and_nothing_is_saved()
    {
        _probe.FailRaisedFor[106] = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(new FollowCommand("alice", [new UserFollowed(16, 106)])));

        Assert.Empty(await OutboxAsync());
        Assert.False(await UserExistsAsync("alice"));
    }

    [Fact]
    public async Task Failing_committed_handler_leaves_the_row_undispatched_with_attempts_and_error_but_the_command_succeeds()
    {
        _probe.FailCommittedFor[107] = true;

        var userId = await SendAsync(new FollowCommand("alice", [new UserFollowed(17, 107)]));

        Assert.True(userId > 0);
        var message = Assert.Single(await OutboxAsync());
        Assert.Null(message.DispatchedAt);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("push failed for 107", message.LastError);
        Assert.True(await UserExistsAsync("alice"));
    }

    [Fact]
    public async Task Later_events_of_the_same_aggregate_are_not_dispatched_before_a_failed_one_but_other_aggregates_are()
    {
        _probe.FailCommittedFor[108] = true;

        await SendAsync(new FollowCommand("alice",
        [
            new UserFollowed(18, 108),
            new UserFollowed(18, 109),
            new UserFollowed(28, 110),
        ]));

        var messages = await OutboxAsync();
        Assert.Equal([108L, 109L, 110L], messages.Select(m => ((UserFollowed)DomainEventTypes.Deserialize(m.Type, m.Payload)).FolloweeId));
        Assert.Equal((null, 1), (messages[0].DispatchedAt, messages[0].Attempts));
        Assert.Equal((null, 0), (messages[1].DispatchedAt, messages[1].Attempts));
        Assert.NotNull(messages[2].DispatchedAt);
        Assert.Equal(["raised 108", "raised 109", "raised 110", "committed 108", "committed 110"], _probe.Timeline);
    }

    [Fact]
    public async Task A_sweep_runs_handlers_outside_its_claim_so_one_failing_statement_leaves_the_other_events_dispatched()
    {
        foreach (var followee in new long[] { 111, 112, 113 }) _probe.FailCommittedFor[followee] = true;
        await SendAsync(new FollowCommand("alice", [new UserFollowed(31, 111), new UserFollowed(32, 112), new UserFollowed(33, 113)]));
        _probe.FailCommittedFor.Clear();
        _probe.FailCommittedStatementFor[112] = true;

        // A clock past the sweep delay, so the rows just written are due.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var sweeper = new OutboxSweeper(_services.Provider.GetRequiredService<IServiceScopeFactory>(), Options.Create(new OutboxOptions()),
            later, NullLogger<OutboxSweeper>.Instance);
        Assert.Equal(2, await sweeper.SweepAsync(default));

        var messages = await OutboxAsync();
        Assert.NotNull(messages[0].DispatchedAt);
        Assert.Null(messages[1].DispatchedAt);
        Assert.Equal(2, messages[1].Attempts);
        Assert.Contains("division by zero", messages[1].LastError);
        Assert.NotNull(messages[2].DispatchedAt);
    }
}
