using System.Net.Http.Json;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Media;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>
/// An upload belongs to one post. Before, posts sent at the same moment with the same upload were all published
/// (201, each showing the picture) while the upload ended up on only one of them: the others lost it silently.
/// </summary>
public sealed class ConcurrentMediaAttachTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Attempts = 10;

    [Fact]
    public async Task Of_concurrent_posts_with_the_same_upload_one_is_published_with_it_and_the_others_get_a_mediaIds_error()
    {
        var author = await TestUser.CreateAsync(api);
        var mediaId = SocialApi.IdOf(await MediaUpload.UploadAsync(author.Client, TestImages.Png(2, 2))).ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i =>
            author.Client.PostAsJsonAsync("/api/posts", new { text = $"attempt {i}", mediaIds = new[] { mediaId } })));

        var published = Assert.Single(responses, r => (int)r.StatusCode == 201);
        foreach (var refused in responses.Where(r => r != published)) await ApiAssert.ValidationProblemAsync(refused, "mediaIds");
        var posts = await author.GetJsonAsync($"/api/users/{author.UserName}/posts");
        var post = Assert.Single(posts.GetProperty("items").EnumerateArray());
        Assert.Equal($"/api/posts/{SocialApi.IdOf(post)}", published.Headers.Location?.OriginalString);
        Assert.Equal([mediaId], post.GetProperty("media").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }
}
