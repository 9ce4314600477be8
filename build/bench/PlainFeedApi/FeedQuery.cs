using Npgsql;

namespace CleanBackend.PlainFeedApi;

/// <summary>
/// The SQL EF Core generates for CleanBackend's GetHomeFeedQuery (copied from its command log), read by hand.
/// If the product's query changes, refresh this copy, or the comparison is no longer like for like.
/// </summary>
public static class FeedQuery
{
    private const string Sql = """
        SELECT s."Id", s."Id0", s."UserName", s."DisplayName", s."Text", m."Id", m."StorageKey", m."ContentType", m."Width", m."Height", s."CreatedAt", s."EditedAt", s."LikeCount", s."CommentCount", s.c
        FROM (
            SELECT p."Id", u."Id" AS "Id0", u."UserName", u."DisplayName", p."Text", p."CreatedAt", p."EditedAt", p."LikeCount", p."CommentCount", EXISTS (
                SELECT 1
                FROM "PostLikes" AS p3
                WHERE p3."PostId" = p."Id" AND p3."UserId" = @me) AS c
            FROM "Posts" AS p
            INNER JOIN "Users" AS u ON p."AuthorId" = u."Id"
            WHERE p."Id" IN (
                SELECT f1."PostId"
                FROM (
                    SELECT f."PostId"
                    FROM "FeedEntries" AS f
                    WHERE f."UserId" = @me AND f."PostId" < @before AND EXISTS (
                        SELECT 1
                        FROM "Posts" AS p0
                        WHERE p0."Id" = f."PostId")
                    ORDER BY f."PostId" DESC
                    LIMIT @rowsPlusOne
                ) AS f1
                UNION
                SELECT p2."Id" AS "PostId"
                FROM (
                    SELECT p1."Id"
                    FROM "Posts" AS p1
                    WHERE p1."DeliveredAtRead" AND p1."Id" < @before AND EXISTS (
                        SELECT 1
                        FROM "Follows" AS f0
                        WHERE f0."FollowerId" = @me AND f0."FolloweeId" = p1."AuthorId")
                    ORDER BY p1."Id" DESC
                    LIMIT @rowsPlusOne
                ) AS p2
            )
            ORDER BY p."Id" DESC
            LIMIT @rowsPlusOne
        ) AS s
        LEFT JOIN "MediaFiles" AS m ON s."Id" = m."PostId"
        ORDER BY s."Id" DESC, s."Id0", m."Position"
        """;

    /// <param name="rows">Page size plus one (the extra row says there is a next page).</param>
    public static async Task<List<FeedPost>> ReadPageAsync(NpgsqlDataSource db, long me, long before, int rows, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Sql);
        command.Parameters.AddWithValue("me", me);
        command.Parameters.AddWithValue("before", before);
        command.Parameters.AddWithValue("rowsPlusOne", rows);
        await using var reader = await command.ExecuteReaderAsync(ct);

        // One row per (post, media file): consecutive rows of the same post add to its media list.
        var posts = new List<FeedPost>(rows);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            if (posts.Count == 0 || posts[^1].IdValue != id)
            {
                posts.Add(new FeedPost(
                    id.ToString(),
                    new FeedAuthor(reader.GetInt64(1).ToString(), reader.GetString(2), reader.GetString(3)),
                    reader.GetString(4),
                    [],
                    reader.GetFieldValue<DateTimeOffset>(10),
                    reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                    reader.GetInt32(12),
                    reader.GetInt32(13),
                    reader.GetBoolean(14)) { IdValue = id });
            }
            if (!reader.IsDBNull(5))
            {
                posts[^1].Media.Add(new FeedMedia(reader.GetInt64(5).ToString(), "/media/" + reader.GetString(6), reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetInt32(9)));
            }
        }
        return posts;
    }
}
