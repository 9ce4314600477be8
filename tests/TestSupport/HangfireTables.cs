namespace CleanBackend.TestSupport;

/// <summary>
/// SQL over Hangfire.PostgreSql's tables (schema <c>hangfire</c>), for tests that check which node ran what: a job's
/// Processing state records the server (<c>node-{Node:Id}:pid:guid</c>) that started it, once per run.
/// </summary>
public static class HangfireTables
{
    /// <summary>A condition on <c>hangfire.job</c>: the job is a feed fan-out.</summary>
    public const string IsFanOut = "invocationdata::text LIKE '%FeedFanOutJob%'";

    /// <summary>How many times a fan-out started on <paramref name="node"/> (a LIKE pattern: "%" for any node), of <paramref name="postId"/> if given.</summary>
    public static string FanOutRunsOn(string node, string? postId = null) => $"""
        SELECT COUNT(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
        WHERE s.name = 'Processing' AND s.data::text LIKE '%{node}:%' AND j.{IsFanOut}
        {(postId is null ? "" : $"AND j.arguments::text LIKE '%{postId}%'")}
        """;

    /// <summary>Whether a fan-out is running now, on <paramref name="node"/>.</summary>
    public static string FanOutProcessingOn(string node) => $"""
        SELECT COUNT(*) FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
        WHERE j.statename = 'Processing' AND s.data::text LIKE '%{node}:%' AND j.{IsFanOut}
        """;
}
