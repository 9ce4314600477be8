using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

public sealed class LikeAndCommentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Liking_twice_counts_once_raises_one_PostLiked_and_unliking_twice_is_harmless()
    {
        var author = await TestUser.CreateAsync(api);
        var fan = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync("like me");

        await ApiAssert.StatusAsync(await fan.Client.PutAsync($"/api/posts/{id}/like", null), 204);
        await ApiAssert.StatusAsync(await fan.Client.PutAsync($"/api/posts/{id}/like", null), 204);

        var liked = await fan.GetJsonAsync($"/api/posts/{id}");
        Assert.Equal(1, liked.GetProperty("likeCount").GetInt32());
        Assert.True(liked.GetProperty("likedByMe").GetBoolean());
        Assert.False((await author.GetJsonAsync($"/api/posts/{id}")).GetProperty("likedByMe").GetBoolean());
        Assert.Equal(1L, await api.OutboxCountAsync("PostLiked", id));

        await ApiAssert.StatusAsync(await fan.Client.DeleteAsync($"/api/posts/{id}/like"), 204);
        await ApiAssert.StatusAsync(await fan.Client.DeleteAsync($"/api/posts/{id}/like"), 204);

        var unliked = await fan.GetJsonAsync($"/api/posts/{id}");
        Assert.Equal(0, unliked.GetProperty("likeCount").GetInt32());
        Assert.False(unliked.GetProperty("likedByMe").GetBoolean());
    }

    [Fact]
    public async Task Concurrent_likes_by_many_users_and_repeats_are_all_counted_exactly_once()
    {
        var author = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync("popular");
        var fans = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TestUser.CreateAsync(api)));

        var responses = await Task.WhenAll(fans.Concat(fans).Select(f => f.Client.PutAsync($"/api/posts/{id}/like", null)));

        Assert.All(responses, r => Assert.Equal(204, (int)r.StatusCode));
        Assert.Equal(fans.Length, (await author.GetJsonAsync($"/api/posts/{id}")).GetProperty("likeCount").GetInt32());
        Assert.Equal(fans.Length, await api.OutboxCountAsync("PostLiked", id));
    }

    [Fact]
    public async Task Liking_a_missing_post_is_404()
    {
        var fan = await TestUser.CreateAsync(api);
        await ApiAssert.ProblemAsync(await fan.Client.PutAsync("/api/posts/999/like", null), 404);
        await ApiAssert.ProblemAsync(await fan.Client.DeleteAsync("/api/posts/999/like"), 404);
    }

    [Fact]
    public async Task Comments_are_added_listed_newest_first_and_counted()
    {
        var author = await TestUser.CreateAsync(api);
        var commenter = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync("discuss");

        var created = await commenter.Client.PostAsJsonAsync($"/api/posts/{id}/comments", new { text = "  first!  " });
        await ApiAssert.StatusAsync(created, 201);
        var comment = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("first!", comment.GetProperty("text").GetString());
        Assert.Equal(id.ToString(), comment.GetProperty("postId").GetString());
        Assert.Equal(commenter.UserName, comment.GetProperty("author").GetProperty("userName").GetString());
        Assert.Equal($"/api/comments/{comment.GetProperty("id").GetString()}", created.Headers.Location?.OriginalString);
        for (var i = 0; i < 3; i++)
            await ApiAssert.StatusAsync(await author.Client.PostAsJsonAsync($"/api/posts/{id}/comments", new { text = $"reply {i}" }), 201);

        var listed = await author.AllIdsAsync($"/api/posts/{id}/comments", pageSize: 3);
        Assert.Equal(4, listed.Count);
        Assert.Equal(listed.OrderByDescending(c => c), listed);
        Assert.Equal(4, (await author.GetJsonAsync($"/api/posts/{id}")).GetProperty("commentCount").GetInt32());
        Assert.Equal(4L, await api.OutboxCountAsync("PostCommented", id));
        await ApiAssert.ProblemAsync(await author.Client.GetAsync("/api/posts/999/comments"), 404);
        await ApiAssert.ProblemAsync(await author.Client.PostAsJsonAsync("/api/posts/999/comments", new { text = "x" }), 404);
    }

    [Fact]
    public async Task A_comment_can_be_deleted_by_its_author_the_posts_author_or_an_admin_but_no_one_else()
    {
        var author = await TestUser.CreateAsync(api);
        var commenter = await TestUser.CreateAsync(api);
        var bystander = await TestUser.CreateAsync(api);
        var admin = await TestUser.AdminAsync(api);
        var id = await author.PublishIdAsync("moderated thread");
        var comments = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var response = await commenter.Client.PostAsJsonAsync($"/api/posts/{id}/comments", new { text = $"comment {i}" });
            comments.Add(SocialApi.IdOf(await response.Content.ReadFromJsonAsync<JsonElement>()));
        }

        await ApiAssert.ProblemAsync(await bystander.Client.DeleteAsync($"/api/comments/{comments[0]}"), 403);
        await ApiAssert.StatusAsync(await commenter.Client.DeleteAsync($"/api/comments/{comments[0]}"), 204);
        await ApiAssert.StatusAsync(await author.Client.DeleteAsync($"/api/comments/{comments[1]}"), 204);
        await ApiAssert.StatusAsync(await admin.Client.DeleteAsync($"/api/comments/{comments[2]}"), 204);

        Assert.Empty(await author.AllIdsAsync($"/api/posts/{id}/comments"));
        Assert.Equal(0, (await author.GetJsonAsync($"/api/posts/{id}")).GetProperty("commentCount").GetInt32());
        await ApiAssert.ProblemAsync(await commenter.Client.DeleteAsync($"/api/comments/{comments[0]}"), 404);
    }

    [Fact]
    public async Task Deleting_a_post_takes_its_likes_and_comments_with_it()
    {
        var author = await TestUser.CreateAsync(api);
        var fan = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync("short-lived");
        await ApiAssert.StatusAsync(await fan.Client.PutAsync($"/api/posts/{id}/like", null), 204);
        await ApiAssert.StatusAsync(await fan.Client.PostAsJsonAsync($"/api/posts/{id}/comments", new { text = "bye" }), 201);

        await ApiAssert.StatusAsync(await author.Client.DeleteAsync($"/api/posts/{id}"), 204);

        Assert.Equal(0L, await api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "PostLikes" WHERE "PostId" = {id}"""));
        Assert.Equal(0L, await api.Database!.ScalarAsync<long>($"""SELECT COUNT(*) FROM "Comments" WHERE "PostId" = {id}"""));
    }
}
