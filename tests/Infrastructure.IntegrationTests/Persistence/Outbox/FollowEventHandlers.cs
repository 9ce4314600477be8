using CleanBackend.Application.Common.Events;
using CleanBackend.Domain.Social;
using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence.Outbox;

/// <summary>Before commit: records what it sees and adds a row (a stand-in "notification" user) that must commit with the change.</summary>
public sealed class FollowRaisedHandler(AppDbContext db, OutboxProbe probe) : INotificationHandler<DomainEventRaised<UserFollowed>>
{
    public async Task Handle(DomainEventRaised<UserFollowed> notification, CancellationToken cancellationToken)
    {
        var followed = notification.Event;
        probe.Timeline.Enqueue($"raised {followed.FolloweeId}");
        probe.Raised.Enqueue(new RaisedObservation(followed.FolloweeId, db.Database.CurrentTransaction is not null,
            await probe.CountCommittedAsync("OutboxMessages", "AggregateId", followed.FollowerId)));
        if (probe.FailRaisedFor.ContainsKey(followed.FolloweeId)) throw new InvalidOperationException($"raised handler failed for {followed.FolloweeId}");

        db.Users.Add(new User(followed.FolloweeId, NotificationUserName(followed.FolloweeId), $"n{followed.FolloweeId}@example.test",
            "notification", Roles.User, DateTimeOffset.UtcNow));
    }

    public static string NotificationUserName(long followeeId) => $"n{followeeId}";
}

/// <summary>After commit: records what is visible to other connections by then, or fails when told to.</summary>
public sealed class FollowCommittedHandler(AppDbContext db, OutboxProbe probe) : INotificationHandler<DomainEventCommitted<UserFollowed>>
{
    public async Task Handle(DomainEventCommitted<UserFollowed> notification, CancellationToken cancellationToken)
    {
        var followed = notification.Event;
        probe.Timeline.Enqueue($"committed {followed.FolloweeId}");
        if (probe.FailCommittedFor.ContainsKey(followed.FolloweeId)) throw new InvalidOperationException($"push failed for {followed.FolloweeId}");
        if (probe.FailCommittedStatementFor.ContainsKey(followed.FolloweeId))
            await db.Database.ExecuteSqlRawAsync("SELECT 1 / 0", cancellationToken);

        probe.Committed.Enqueue(new CommittedObservation(followed.FolloweeId, notification.OutboxId,
            await probe.CountCommittedAsync("OutboxMessages", "Id", notification.OutboxId),
            await probe.CountCommittedAsync("Users", "Id", followed.FolloweeId)));
    }
}
