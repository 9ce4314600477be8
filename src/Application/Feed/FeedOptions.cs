namespace CleanBackend.Application.Feed;

/// <summary>Configuration section <c>Feed</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>Authors with more followers than this are not fanned out: their posts are merged into feeds at read time.</summary>
    public int FanOutLimit { get; set; } = 10_000;

    /// <summary>Followers per INSERT ... SELECT statement, so a huge account never holds one giant statement.</summary>
    public int FanOutBatchSize { get; set; } = 20_000;

    /// <summary>How many of the followee's latest posts a new follow copies into the follower's feed.</summary>
    public int BackfillPosts { get; set; } = 50;

    /// <summary>The recurring trim keeps this many newest entries per feed.</summary>
    public int MaxEntriesPerFeed { get; set; } = 800;
}
