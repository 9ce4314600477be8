using System.Text;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>Every social endpoint answers malformed input with a 400 naming the field, never a 5xx.</summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly string TooLong = new('x', 501);
    private TestUser _user = null!;
    private long _post;

    public async Task InitializeAsync()
    {
        _user = await TestUser.CreateAsync(api);
        _post = await _user.PublishIdAsync("a post to aim at");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("POST", "/api/posts", "{}", "text")]
    [InlineData("POST", "/api/posts", """{"text": ""}""", "text")]
    [InlineData("POST", "/api/posts", """{"text": "     "}""", "text")]
    [InlineData("POST", "/api/posts", """{"text": "TOO_LONG"}""", "text")]
    [InlineData("POST", "/api/posts", """{"text": 42}""", "text")]
    [InlineData("POST", "/api/posts", """{"text": "ok", "mediaIds": ["1", "2", "3", "4", "5"]}""", "mediaIds")]
    [InlineData("POST", "/api/posts", """{"text": "ok", "mediaIds": ["7", "7"]}""", "mediaIds")]
    [InlineData("POST", "/api/posts", """{"text": "ok", "mediaIds": ["not-an-id"]}""", "mediaIds[0]")]
    [InlineData("POST", "/api/posts", """{"text": "ok", "mediaIds": "7"}""", "mediaIds")]
    [InlineData("POST", "/api/posts", """{"text": """, "body")]
    [InlineData("POST", "/api/posts", "", "body")]
    [InlineData("GET", "/api/posts/abc", null, "id")]
    [InlineData("GET", "/api/posts/99999999999999999999", null, "id")]
    [InlineData("PATCH", "/api/posts/abc", """{"text": "ok"}""", "id")]
    [InlineData("PATCH", "/api/posts/POST", "{}", "text")]
    [InlineData("PATCH", "/api/posts/POST", """{"text": "TOO_LONG"}""", "text")]
    [InlineData("PATCH", "/api/posts/POST", "[1]", "body")]
    [InlineData("DELETE", "/api/posts/abc", null, "id")]
    [InlineData("PUT", "/api/posts/abc/like", null, "id")]
    [InlineData("DELETE", "/api/posts/1.5/like", null, "id")]
    [InlineData("POST", "/api/posts/abc/comments", """{"text": "ok"}""", "id")]
    [InlineData("POST", "/api/posts/POST/comments", "{}", "text")]
    [InlineData("POST", "/api/posts/POST/comments", """{"text": " "}""", "text")]
    [InlineData("POST", "/api/posts/POST/comments", """{"text": "TOO_LONG"}""", "text")]
    [InlineData("GET", "/api/posts/abc/comments", null, "id")]
    [InlineData("GET", "/api/posts/POST/comments?limit=0", null, "limit")]
    [InlineData("GET", "/api/posts/POST/comments?limit=101", null, "limit")]
    [InlineData("GET", "/api/posts/POST/comments?limit=many", null, "limit")]
    [InlineData("GET", "/api/posts/POST/comments?cursor=not-a-cursor", null, "cursor")]
    [InlineData("DELETE", "/api/comments/abc", null, "id")]
    [InlineData("PUT", "/api/users/no%20spaces/follow", null, "userName")]
    [InlineData("PUT", "/api/users/ab/follow", null, "userName")]
    [InlineData("DELETE", "/api/users/bad!name/follow", null, "userName")]
    [InlineData("GET", "/api/users/bad!name/followers", null, "userName")]
    [InlineData("GET", "/api/users/ME/followers?limit=-1", null, "limit")]
    [InlineData("GET", "/api/users/ME/following?cursor=%%%", null, "cursor")]
    [InlineData("GET", "/api/users/bad!name/posts", null, "userName")]
    [InlineData("GET", "/api/users/ME/posts?limit=1000", null, "limit")]
    [InlineData("GET", "/api/users/ME/posts?cursor=AAAAAAAAAAA", null, "cursor")]
    [InlineData("GET", "/api/feed?limit=0", null, "limit")]
    [InlineData("GET", "/api/feed?limit=101", null, "limit")]
    [InlineData("GET", "/api/feed?limit=twenty", null, "limit")]
    [InlineData("GET", "/api/feed?cursor=AAAAAAAAAAA", null, "cursor")]
    public async Task Bad_input_is_a_400_naming_the_field(string method, string path, string? body, string field)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("POST", _post.ToString()).Replace("ME", _user.UserName));
        if (body is not null) request.Content = new StringContent(body.Replace("TOO_LONG", TooLong), Encoding.UTF8, "application/json");

        var response = await _user.Client.SendAsync(request);

        await ApiAssert.ValidationProblemAsync(response, field);
    }
}
