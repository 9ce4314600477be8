using System.Text;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>
/// Text holding the NUL character (U+0000) is a 400 naming the field, wherever text comes in. PostgreSQL cannot
/// store or even compare it: before, such text got as far as the database and came back as a 500.
/// </summary>
public sealed class NulCharacterTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private TestUser _user = null!;
    private long _post;
    private string _privateRoom = null!;

    public async Task InitializeAsync()
    {
        _user = await TestUser.CreateAsync(api);
        _post = await _user.PublishIdAsync("a post to aim at");
        _privateRoom = await _user.CreateRoomAsync(isPrivate: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // The bodies are JSON text: \u0000 is the JSON escape a client sends for the character.
    [Theory]
    [InlineData("POST", "/api/auth/register", """{"userName": "NEW", "email": "a\u0000b@example.test", "password": "long-enough-1", "displayName": "x"}""", "email")]
    [InlineData("POST", "/api/auth/register", """{"userName": "NEW", "email": "NEW@example.test", "password": "long-enough-1", "displayName": "a\u0000b"}""", "displayName")]
    [InlineData("POST", "/api/auth/register", """{"userName": "NEW", "email": "NEW@example.test", "password": "long-enough-\u0000", "displayName": "x"}""", "password")]
    [InlineData("POST", "/api/auth/login", """{"login": "a\u0000b", "password": "long-enough-1"}""", "login")]
    [InlineData("POST", "/api/auth/refresh", """{"refreshToken": "a\u0000b"}""", "refreshToken")]
    [InlineData("PATCH", "/api/users/me", """{"displayName": "ok", "bio": "a\u0000b"}""", "bio")]
    [InlineData("POST", "/api/posts", """{"text": "a\u0000b"}""", "text")]
    [InlineData("PATCH", "/api/posts/POST", """{"text": "a\u0000b"}""", "text")]
    [InlineData("POST", "/api/posts/POST/comments", """{"text": "a\u0000b"}""", "text")]
    [InlineData("POST", "/api/rooms", """{"name": "a\u0000b", "isPrivate": false}""", "name")]
    [InlineData("POST", "/api/rooms/ROOM/members", """{"userName": "a\u0000b"}""", "userName")]
    [InlineData("POST", "/api/admin/broadcast", """{"message": "a\u0000b"}""", "message")]
    [InlineData("GET", "/api/users?query=a%00b", null, "query")]
    public async Task Text_with_a_NUL_character_is_a_400_naming_the_field(string method, string path, string? body, string field)
    {
        var client = path.StartsWith("/api/admin/", StringComparison.Ordinal) ? (await TestUser.AdminAsync(api)).Client : _user.Client;
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("POST", _post.ToString()).Replace("ROOM", _privateRoom));
        if (body is not null) request.Content = new StringContent(body.Replace("NEW", TestUser.UniqueName()), Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        var problem = await ApiAssert.ValidationProblemAsync(response, field);
        Assert.Contains("U+0000", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }
}
