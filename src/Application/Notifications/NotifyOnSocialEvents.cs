using CleanBackend.Application.Common.Events;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Notifications;
using CleanBackend.Domain.Social;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Notifications;

/// <summary>
/// Writes the notification rows of follows, likes, comments and mentions in the same transaction as the action
/// (raised events run before commit). Nobody is notified of their own actions, and an action repeated after being
/// undone (like, unlike, like again) does not notify twice: the deduplication key is checked here and is unique in
/// the table, so a race between two such requests ends in one row and a 409 for the loser.
/// </summary>
public sealed class NotifyOnSocialEvents(IAppDbContext db, IIdGenerator ids, IClock clock) :
    INotificationHandler<DomainEventRaised<UserFollowed>>,
    INotificationHandler<DomainEventRaised<PostLiked>>,
    INotificationHandler<DomainEventRaised<PostCommented>>,
    INotificationHandler<DomainEventRaised<UserMentioned>>
{
    public Task Handle(DomainEventRaised<UserFollowed> raised, CancellationToken cancellationToken)
    {
        var (follower, followee) = (raised.Event.FollowerId, raised.Event.FolloweeId);
        return follower == followee ? Task.CompletedTask
            : AddOnceAsync(Notification.Follow(ids.NextId(), followee, follower, clock.UtcNow), cancellationToken);
    }

    public Task Handle(DomainEventRaised<PostLiked> raised, CancellationToken cancellationToken)
    {
        var e = raised.Event;
        return e.LikerId == e.PostAuthorId ? Task.CompletedTask
            : AddOnceAsync(Notification.Like(ids.NextId(), e.PostAuthorId, e.LikerId, e.PostId, clock.UtcNow), cancellationToken);
    }

    public Task Handle(DomainEventRaised<PostCommented> raised, CancellationToken cancellationToken)
    {
        var e = raised.Event;
        return e.CommenterId == e.PostAuthorId ? Task.CompletedTask
            : AddOnceAsync(Notification.Comment(ids.NextId(), e.PostAuthorId, e.CommenterId, e.PostId, e.CommentId, clock.UtcNow), cancellationToken);
    }

    public Task Handle(DomainEventRaised<UserMentioned> raised, CancellationToken cancellationToken)
    {
        var e = raised.Event;
        return e.AuthorId == e.MentionedUserId ? Task.CompletedTask
            : AddOnceAsync(Notification.Mention(ids.NextId(), e.MentionedUserId, e.AuthorId, e.PostId, clock.UtcNow), cancellationToken);
    }

    private async Task AddOnceAsync(Notification notification, CancellationToken cancellationToken)
    {
        var key = notification.DeduplicationKey;
        if (db.Notifications.Local.Any(n => n.DeduplicationKey == key)) return;
        if (await db.Notifications.AnyAsync(n => n.DeduplicationKey == key, cancellationToken)) return;
        db.Notifications.Add(notification);
    }
}
