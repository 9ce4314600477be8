using MediatR;

namespace CleanBackend.Application.Feed;

/// <summary>
/// Published once a post is in its followers' feeds: fanned out, or (for an author over the fan-out limit)
/// marked to be merged at read time. Realtime handlers push it to the followers who are online.
/// At least once: a retried fan-out job publishes it again.
/// </summary>
public sealed record PostReachedFeeds(long PostId, long AuthorId) : INotification;
