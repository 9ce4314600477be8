using System.Net.Http.Json;
using CleanBackend.TestSupport;
using Npgsql;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>
/// A comment whose post is deleted after the handler found it but before the comment is saved gets the 404 of a
/// comment on a missing post. Before, the save broke the comment's foreign key and that came back as a 500.
/// </summary>
public sealed class CommentRacingPostDeletionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_comment_on_a_post_deleted_while_it_is_being_saved_is_a_404()
    {
        var author = await TestUser.CreateAsync(api);
        var postId = await author.PublishIdAsync("about to go");

        // An uncommitted deletion: the comment's lookup still sees the post, and its first write to the post's row
        // waits for this transaction, so the comment is saved only once the post is gone, deterministically.
        await using var connection = new NpgsqlConnection(api.Database!.ConnectionString);
        await connection.OpenAsync();
        await using var deletion = await connection.BeginTransactionAsync();
        await using (var delete = new NpgsqlCommand($"DELETE FROM \"Posts\" WHERE \"Id\" = {postId}", connection, deletion))
            await delete.ExecuteNonQueryAsync();

        var comment = author.Client.PostAsJsonAsync($"/api/posts/{postId}/comments", new { text = "too late" });
        // The comment's counter update of the post's row waits for the deletion's lock.
        await api.Database.UntilBackendWaitsForLockAsync("""UPDATE "Posts"%""", "the comment waits for the post's deletion");
        await deletion.CommitAsync();

        await ApiAssert.ProblemAsync(await comment, 404);
    }
}
