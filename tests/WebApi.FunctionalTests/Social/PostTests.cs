using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Application.Media;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Media;

namespace CleanBackend.WebApi.FunctionalTests.Social;

public sealed class PostTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Publishing_returns_201_with_the_trimmed_post_and_its_location()
    {
        var author = await TestUser.CreateAsync(api);

        var response = await author.Client.PostAsJsonAsync("/api/posts", new { text = "  first post  " });

        await ApiAssert.StatusAsync(response, 201);
        var post = await response.Content.ReadFromJsonAsync<JsonElement>();
        PostShape.AssertIsPost(post, author, "first post");
        Assert.Equal($"/api/posts/{post.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal(JsonValueKind.Null, post.GetProperty("editedAt").ValueKind);
        Assert.Equal(0, post.GetProperty("likeCount").GetInt32());
        Assert.False(post.GetProperty("likedByMe").GetBoolean());
    }

    [Fact]
    public async Task A_post_can_be_read_by_anyone_and_a_missing_one_is_404()
    {
        var author = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync("readable");

        var anonymous = await api.CreateHttpClient().GetAsync($"/api/posts/{id}");
        await ApiAssert.StatusAsync(anonymous, 200);
        PostShape.AssertIsPost(await anonymous.Content.ReadFromJsonAsync<JsonElement>(), author, "readable");
        await ApiAssert.ProblemAsync(await author.Client.GetAsync($"/api/posts/{id + 1}"), 404);
    }

    [Fact]
    public async Task Publishing_needs_a_signed_in_user()
    {
        var response = await api.CreateHttpClient().PostAsJsonAsync("/api/posts", new { text = "anonymous" });
        await ApiAssert.ProblemAsync(response, 401);
    }

    [Fact]
    public async Task The_author_edits_a_post_and_editedAt_is_set()
    {
        var author = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync("draft");

        var response = await author.Client.PatchAsJsonAsync($"/api/posts/{id}", new { text = "final" });

        await ApiAssert.StatusAsync(response, 200);
        var post = await response.Content.ReadFromJsonAsync<JsonElement>();
        PostShape.AssertIsPost(post, author, "final");
        Assert.True(post.GetProperty("editedAt").GetDateTimeOffset() >= post.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("final", (await author.GetJsonAsync($"/api/posts/{id}")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Editing_or_deleting_someone_elses_post_is_403_and_changes_nothing()
    {
        var author = await TestUser.CreateAsync(api);
        var other = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync("mine");

        await ApiAssert.ProblemAsync(await other.Client.PatchAsJsonAsync($"/api/posts/{id}", new { text = "hijacked" }), 403);
        await ApiAssert.ProblemAsync(await other.Client.DeleteAsync($"/api/posts/{id}"), 403);

        Assert.Equal("mine", (await author.GetJsonAsync($"/api/posts/{id}")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_admin_may_delete_any_post_but_not_edit_it()
    {
        var author = await TestUser.CreateAsync(api);
        var admin = await TestUser.AdminAsync(api);
        var id = await author.PublishIdAsync("moderated");

        await ApiAssert.ProblemAsync(await admin.Client.PatchAsJsonAsync($"/api/posts/{id}", new { text = "edited by admin" }), 403);
        await ApiAssert.StatusAsync(await admin.Client.DeleteAsync($"/api/posts/{id}"), 204);

        await ApiAssert.ProblemAsync(await author.Client.GetAsync($"/api/posts/{id}"), 404);
        Assert.Equal(1L, await api.OutboxCountAsync("PostDeleted", id));
    }

    [Fact]
    public async Task Deleting_a_missing_post_is_404()
    {
        var user = await TestUser.CreateAsync(api);
        await ApiAssert.ProblemAsync(await user.Client.DeleteAsync("/api/posts/12345"), 404);
    }

    [Fact]
    public async Task Mentions_of_existing_users_raise_one_event_each_but_not_for_the_author_or_unknown_names()
    {
        var author = await TestUser.CreateAsync(api);
        var mentioned = await TestUser.CreateAsync(api);
        var text = $"hi @{mentioned.UserName.ToUpperInvariant()} and @{mentioned.UserName} and @{author.UserName} and @nobody_like_this and mail@{mentioned.UserName}";

        var id = await author.PublishIdAsync(text);

        Assert.Equal(1L, await api.OutboxCountAsync("UserMentioned", id));
        Assert.Equal(1L, await api.Database!.ScalarAsync<long>(
            $"""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = 'UserMentioned' AND "AggregateId" = {id} AND "Payload" LIKE '%"MentionedUserId":{mentioned.Id}%'"""));
        Assert.Equal(1L, await api.OutboxCountAsync("PostPublished", id));
    }

    [Fact]
    public async Task An_edit_raises_mention_events_only_for_newly_mentioned_users()
    {
        var author = await TestUser.CreateAsync(api);
        var first = await TestUser.CreateAsync(api);
        var second = await TestUser.CreateAsync(api);
        var id = await author.PublishIdAsync($"hello @{first.UserName}");

        var edit = await author.Client.PatchAsJsonAsync($"/api/posts/{id}", new { text = $"hello @{first.UserName} and @{second.UserName}" });
        await ApiAssert.StatusAsync(edit, 200);

        Assert.Equal(2L, await api.OutboxCountAsync("UserMentioned", id));
    }

    [Fact]
    public async Task Own_unused_uploads_are_attached_in_order_and_shown_as_uploaded()
    {
        var author = await TestUser.CreateAsync(api);
        var first = await MediaUpload.UploadAsync(author.Client, TestImages.Png(3, 2));
        var second = await MediaUpload.UploadAsync(author.Client, TestImages.Gif(5, 4));

        var response = await author.Client.PostAsJsonAsync("/api/posts", new { text = "pictures", mediaIds = new[] { IdText(second), IdText(first) } });

        await ApiAssert.StatusAsync(response, 201);
        var media = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("media").EnumerateArray().ToList();
        Assert.Equal(["contentType", "height", "id", "url", "width"], media[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal([IdText(second), IdText(first)], media.Select(IdText));
        Assert.Equal(second.GetProperty("url").GetString(), media[0].GetProperty("url").GetString());
        Assert.Equal("image/gif", media[0].GetProperty("contentType").GetString());
        Assert.Equal(5, media[0].GetProperty("width").GetInt32());
        Assert.Equal(4, media[0].GetProperty("height").GetInt32());
        await ApiAssert.StatusAsync(await api.CreateHttpClient().GetAsync(media[1].GetProperty("url").GetString()), 200);
    }

    [Fact]
    public async Task Someone_elses_upload_or_one_already_used_is_rejected_with_a_mediaIds_error()
    {
        var author = await TestUser.CreateAsync(api);
        var other = await TestUser.CreateAsync(api);
        var othersUpload = IdText(await MediaUpload.UploadAsync(other.Client, TestImages.Png(1, 1)));
        var used = IdText(await MediaUpload.UploadAsync(author.Client, TestImages.Png(1, 1)));
        await ApiAssert.StatusAsync(await author.Client.PostAsJsonAsync("/api/posts", new { text = "uses it", mediaIds = new[] { used } }), 201);

        await ApiAssert.ValidationProblemAsync(await author.Client.PostAsJsonAsync("/api/posts", new { text = "x", mediaIds = new[] { othersUpload } }), "mediaIds");
        await ApiAssert.ValidationProblemAsync(await author.Client.PostAsJsonAsync("/api/posts", new { text = "x", mediaIds = new[] { used } }), "mediaIds");
        await ApiAssert.ValidationProblemAsync(await author.Client.PostAsJsonAsync("/api/posts", new { text = "x", mediaIds = new[] { 424242L } }), "mediaIds");
    }

    [Fact]
    public async Task Media_of_a_deleted_post_become_unused_and_the_cleanup_collects_them()
    {
        var author = await TestUser.CreateAsync(api);
        var upload = await MediaUpload.UploadAsync(author.Client, TestImages.Png(2, 2));
        var mediaId = await OldUploads.MakeOldAsync(api, SocialApi.IdOf(upload), TimeSpan.FromDays(2));
        var response = await author.Client.PostAsJsonAsync("/api/posts", new { text = "with media", mediaIds = new[] { mediaId } });
        var id = SocialApi.IdOf(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(0, await OldUploads.RunCleanupAsync(api, new DeleteUnusedMediaCommand()));

        await ApiAssert.StatusAsync(await author.Client.DeleteAsync($"/api/posts/{id}"), 204);

        Assert.Equal(1, await OldUploads.RunCleanupAsync(api, new DeleteUnusedMediaCommand()));
        await ApiAssert.StatusAsync(await api.CreateHttpClient().GetAsync(upload.GetProperty("url").GetString()), 404);
    }

    private static string IdText(JsonElement item) => item.GetProperty("id").GetString()!;

    [Fact]
    public async Task The_profile_timeline_lists_only_that_users_posts_newest_first()
    {
        var author = await TestUser.CreateAsync(api);
        var other = await TestUser.CreateAsync(api);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await author.PublishIdAsync($"timeline {i}"));
        await other.PublishIdAsync("not on that timeline");

        var listed = await other.AllIdsAsync($"/api/users/{author.UserName.ToUpperInvariant()}/posts", pageSize: 2);

        Assert.Equal(Enumerable.Reverse(ids), listed);
        await ApiAssert.ProblemAsync(await other.Client.GetAsync("/api/users/no_such_user_here/posts"), 404);
    }
}
