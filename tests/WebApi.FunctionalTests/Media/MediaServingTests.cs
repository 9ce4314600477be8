using System.Net;
using CleanBackend.Infrastructure;
using CleanBackend.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanBackend.WebApi.FunctionalTests.Media;

public sealed class MediaServingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateHttpClient();

    [Fact]
    public async Task The_url_serves_the_same_bytes_with_type_long_caching_etag_and_nosniff_to_anyone()
    {
        var user = await TestUser.CreateAsync(api);
        var bytes = TestImages.Jpeg(40, 30);
        var url = (await MediaUpload.UploadAsync(user.Client, bytes)).GetProperty("url").GetString()!;

        var response = await _anonymous.GetAsync(url);

        await ApiAssert.StatusAsync(response, 200);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
    }

    [Fact]
    public async Task A_request_with_the_current_etag_gets_304_without_the_bytes()
    {
        var user = await TestUser.CreateAsync(api);
        var url = (await MediaUpload.UploadAsync(user.Client, TestImages.Gif(3, 3))).GetProperty("url").GetString()!;
        var etag = (await _anonymous.GetAsync(url)).Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var response = await _anonymous.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_key_is_404_problem_json()
    {
        var response = await _anonymous.GetAsync("/media/0123456789abcdef0123456789abcdef.png");

        await ApiAssert.ProblemAsync(response, 404);
    }

    [Theory]
    [InlineData("/media/..%2Fsecret.png")]
    [InlineData("/media/..%2F..%2Fsecret.png")]
    [InlineData("/media/%2e%2e%2fsecret.png")]
    [InlineData("/media/..%5Csecret.png")]
    [InlineData("/media/%2Fetc%2Fpasswd")]
    [InlineData("/media/se%2Fsecret.png")]
    [InlineData("/media/secret.png")]
    [InlineData("/media/0123456789abcdef0123456789abcdef.png%00.txt")]
    [InlineData("/media/0123456789ABCDEF0123456789ABCDEF.PNG")]
    public async Task Path_traversal_and_keys_the_storage_never_issues_serve_nothing(string path)
    {
        // Files an attacker would like to reach: beside the media folder, and inside it under a name that is not a key.
        var media = Path.Combine(api.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder, "media");
        Directory.CreateDirectory(Path.Combine(media, "se"));
        await File.WriteAllTextAsync(Path.Combine(media, "..", "secret.png"), "TOP-SECRET-CONTENT");
        await File.WriteAllTextAsync(Path.Combine(media, "se", "secret.png"), "TOP-SECRET-CONTENT");

        var response = await _anonymous.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path} -> {(int)response.StatusCode}");
        Assert.DoesNotContain("TOP-SECRET-CONTENT", await response.Content.ReadAsStringAsync());
    }
}
