namespace CleanBackend.Application.Feed;

/// <summary>
/// Set-based writes to the materialized home feeds (the FeedEntries table). Every operation is idempotent
/// (conflicting rows are ignored, missing rows are not an error) and commits on its own, so a job that is
/// retried or run twice leaves the same rows.
/// </summary>
public interface IFeedStore
{
    /// <summary>Whether the post still exists: it may be deleted before its fan-out job runs.</summary>
    Task<bool> PostExistsAsync(long postId, CancellationToken cancellationToken);

    /// <summary><paramref name="authorId"/>'s followers, counted up to <paramref name="cap"/> at most (a celebrity's are not all counted).</summary>
    Task<int> CountFollowersUpToAsync(long authorId, int cap, CancellationToken cancellationToken);

    /// <summary>Puts the post in its author's own feed (your own posts are part of your home feed).</summary>
    Task AddToAuthorFeedAsync(long postId, long authorId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the post into the feeds of the next <paramref name="batchSize"/> followers (ordered by follow id)
    /// after follow id <paramref name="afterFollowId"/> with one INSERT ... SELECT. Returns the last follow id
    /// covered, or null when no followers were left.
    /// </summary>
    Task<long?> FanOutBatchAsync(long postId, long authorId, long afterFollowId, int batchSize, CancellationToken cancellationToken);

    /// <summary>Marks the post as merged into followers' feeds at read time (no feed rows for it).</summary>
    Task MarkDeliveredAtReadAsync(long postId, CancellationToken cancellationToken);

    /// <summary>Copies the followee's latest posts into the follower's feed, if the follow still exists.</summary>
    Task BackfillAsync(long followerId, long followeeId, int posts, CancellationToken cancellationToken);

    /// <summary>Removes the followee's posts from the follower's feed, unless the follow exists again.</summary>
    Task RemoveFolloweeAsync(long followerId, long followeeId, CancellationToken cancellationToken);

    /// <summary>Removes the post from every feed, in batches of <paramref name="batchSize"/> rows.</summary>
    Task RemovePostAsync(long postId, int batchSize, CancellationToken cancellationToken);

    /// <summary>Keeps only the newest <paramref name="keep"/> entries of every feed; returns how many rows were removed.</summary>
    Task<int> TrimAsync(int keep, CancellationToken cancellationToken);
}
