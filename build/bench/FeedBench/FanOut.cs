using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace CleanBackend.FeedBench;

/// <summary>
/// Times the fan-out of a post by an account with many followers, from the moment POST /api/posts is sent:
/// <list type="bullet">
/// <item>latency: until the client sees the post in every follower's feed. It polls (every 2 ms) for the feed row
/// of the follower the fan-out reaches last (the newest follow: batches go in follow id order and each commits
/// before the next starts), which costs one primary key lookup, then confirms with a full count. Counting all
/// 100,000 rows every few ms instead would take CPU from the fan-out it measures.</item>
/// <item>rows per second: from PostgreSQL's commit timestamps (track_commit_timestamp) of the feed rows: follower
/// rows divided by the time from the commit of the author's own row (the job's first write) to the last batch's commit.</item>
/// </list>
/// The first post is a warm-up (JIT, caches) and not counted. A burst of posts sent back to back, whose jobs run
/// at the same time, then gives the sustained rate of the machine rather than of one job.
/// </summary>
public static class FanOut
{
    private const int BurstPosts = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(Uri api, string connectionString, string token, int runs)
    {
        var authorId = SubjectOf(token);
        await using var db = NpgsqlDataSource.Create(connectionString);
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var followers = await ScalarAsync<long>(db, """SELECT count(*) FROM "Follows" WHERE "FolloweeId" = $1""", authorId);
        var lastFollower = await ScalarAsync<long>(db,
            """SELECT "FollowerId" FROM "Follows" WHERE "FolloweeId" = $1 ORDER BY "Id" DESC LIMIT 1""", authorId);
        Console.WriteLine($"author {authorId} has {followers} followers; the fan-out reaches {lastFollower} last");

        var warmUp = await PostAndWaitAsync(http, db, authorId, followers, lastFollower, "warm-up");
        Console.WriteLine($"WARMUP {warmUp}");
        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await PostAndWaitAsync(http, db, authorId, followers, lastFollower, $"run {run}");
            results.Add(result);
            Console.WriteLine($"RUN {run} {result}");
        }

        var burst = await BurstAsync(http, db, authorId, followers);
        Console.WriteLine(
            $"FANOUT followers={followers} runs={runs} latency_ms_median={Median(results.Select(r => r.LatencyMs)):F0} " +
            $"latency_ms_max={results.Max(r => r.LatencyMs):F0} rows_per_second_median={Median(results.Select(r => r.RowsPerSecond)):F0} " +
            $"burst_posts={BurstPosts} burst_ms={burst.Milliseconds:F0} burst_rows_per_second={burst.RowsPerSecond:F0}");
        return 0;
    }

    private sealed record RunResult(double LatencyMs, double PostResponseMs, double FirstWriteMs, int Batches, double RowsPerSecond)
    {
        public override string ToString() =>
            $"latency_ms={LatencyMs:F0} post_response_ms={PostResponseMs:F0} first_write_ms={FirstWriteMs:F0} " +
            $"batches={Batches} rows_per_second={RowsPerSecond:F0}";
    }

    private static async Task<RunResult> PostAndWaitAsync(HttpClient http, NpgsqlDataSource db, long authorId, long followers,
        long lastFollower, string label)
    {
        var sentAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var postId = await PostAsync(http, label);
        var postResponseMs = clock.Elapsed.TotalMilliseconds;

        await using (var poll = db.CreateCommand("""SELECT EXISTS (SELECT 1 FROM "FeedEntries" WHERE "UserId" = $1 AND "PostId" = $2)"""))
        {
            poll.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastFollower });
            poll.Parameters.Add(new NpgsqlParameter<long> { TypedValue = postId });
            while (!(bool)(await poll.ExecuteScalarAsync())!)
            {
                if (clock.Elapsed > Patience) throw new TimeoutException($"{label}: the last follower's feed never got post {postId}");
                await Task.Delay(2);
            }
        }
        var latencyMs = clock.Elapsed.TotalMilliseconds;
        // Normally complete at once; only if the batches stopped committing in follow order would it end later.
        if (!await WaitForAllAsync(db, [postId], authorId, followers, clock)) latencyMs = clock.Elapsed.TotalMilliseconds;

        var commits = await CommitTimesAsync(db, [postId]);
        var authorRowCommit = commits.First();
        var lastCommit = commits.Last();
        return new RunResult(latencyMs, postResponseMs, (authorRowCommit.At - sentAt).TotalMilliseconds, commits.Count - 1,
            followers / (lastCommit.At - authorRowCommit.At).TotalSeconds);
    }

    private static async Task<(double Milliseconds, double RowsPerSecond)> BurstAsync(HttpClient http, NpgsqlDataSource db,
        long authorId, long followers)
    {
        var clock = Stopwatch.StartNew();
        var postIds = new long[BurstPosts];
        for (var i = 0; i < BurstPosts; i++) postIds[i] = await PostAsync(http, $"burst {i + 1}");
        await WaitForAllAsync(db, postIds, authorId, followers, clock);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var commits = await CommitTimesAsync(db, postIds);
        var rows = followers * BurstPosts;
        var seconds = (commits.Last().At - commits.First().At).TotalSeconds;
        Console.WriteLine($"BURST posts={BurstPosts} rows={rows} ms={elapsed:F0} commits={commits.Count} rows_per_second={rows / seconds:F0}");
        return (elapsed, rows / seconds);
    }

    private static async Task<long> PostAsync(HttpClient http, string label)
    {
        using var response = await http.PostAsJsonAsync("/api/posts", new { text = $"Fan-out benchmark, {label}: hello to all my followers." });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/posts answered {(int)response.StatusCode}: {body}");
        return long.Parse(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
    }

    /// <summary>Until every follower of the author has every one of the posts in their feed; true when they already had.</summary>
    private static async Task<bool> WaitForAllAsync(NpgsqlDataSource db, long[] postIds, long authorId, long followers, Stopwatch clock)
    {
        await using var count = db.CreateCommand("""SELECT count(*) FROM "FeedEntries" WHERE "PostId" = ANY($1) AND "UserId" <> $2""");
        count.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = postIds });
        count.Parameters.Add(new NpgsqlParameter<long> { TypedValue = authorId });
        var first = true;
        while ((long)(await count.ExecuteScalarAsync())! < followers * postIds.Length)
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"posts {string.Join(", ", postIds)} did not reach every follower");
            first = false;
            await Task.Delay(20);
        }
        return first;
    }

    private sealed record Commit(DateTimeOffset At, long Rows);

    /// <summary>When the feed rows of the posts were committed, one entry per transaction, oldest first.</summary>
    private static async Task<List<Commit>> CommitTimesAsync(NpgsqlDataSource db, long[] postIds)
    {
        await using var command = db.CreateCommand("""
            SELECT pg_xact_commit_timestamp(xmin) AS at, count(*) FROM "FeedEntries" WHERE "PostId" = ANY($1) GROUP BY 1 ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = postIds });
        await using var reader = await command.ExecuteReaderAsync();
        var commits = new List<Commit>();
        while (await reader.ReadAsync())
            commits.Add(new Commit(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        return commits;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, long parameter)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The user id in an access token (its "sub" claim), read without validating: the server does that.</summary>
    private static long SubjectOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return long.Parse(JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.GetProperty("sub").GetString()!);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
