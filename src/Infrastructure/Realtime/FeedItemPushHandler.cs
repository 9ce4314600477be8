using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.Application.Feed;
using CleanBackend.Application.Posts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// When a post has reached its followers' feeds, pushes it as <c>feedItem</c> to the followers who are online:
/// the online users are intersected with the followers in SQL, so a popular author's follower list is never
/// loaded. Everyone else reads it from their feed.
/// </summary>
public sealed class FeedItemPushHandler(IAppDbContext db, IOnlineUsers onlineUsers, IRealtimeNotifier notifier)
    : INotificationHandler<PostReachedFeeds>
{
    public async Task Handle(PostReachedFeeds reached, CancellationToken cancellationToken)
    {
        var online = (await onlineUsers.GetOnlineUserIdsAsync(cancellationToken)).ToList();
        if (online.Count == 0) return;

        // One array parameter however many users are online (= ANY(@p) on PostgreSQL, json_each on SQLite).
        var onlineFollowers = await db.Follows
            .Where(f => f.FolloweeId == reached.AuthorId && EF.Parameter(online).Contains(f.FollowerId))
            .Select(f => f.FollowerId)
            .ToListAsync(cancellationToken);
        if (onlineFollowers.Count == 0) return;

        // Read without a viewer: likedByMe is false, as it is for every follower of a post this new.
        var post = await db.Posts.Where(p => p.Id == reached.PostId).ToPostDtos(db, viewerId: null).SingleOrDefaultAsync(cancellationToken);
        if (post is not null) await notifier.SendToUsersAsync(onlineFollowers, RealtimeEvents.FeedItem, post, cancellationToken);
    }
}
