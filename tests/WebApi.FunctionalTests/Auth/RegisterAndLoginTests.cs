using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Auth;

public sealed class RegisterAndLoginTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateHttpClient();

    [Fact]
    public async Task Register_returns_201_with_the_user_and_its_id_as_a_string()
    {
        var name = TestUser.UniqueName();
        var response = await _client.PostAsJsonAsync("/api/auth/register",
            new { userName = name, email = $"{name}@example.test", password = "long-enough", displayName = "Someone" });

        await ApiAssert.StatusAsync(response, 201);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, user.GetProperty("userName").GetString());
        Assert.Equal(JsonValueKind.String, user.GetProperty("id").ValueKind);
        Assert.Equal($"/api/users/{name}", response.Headers.Location?.OriginalString);
        Assert.False(user.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Register_with_a_taken_userName_in_other_case_or_taken_email_is_409()
    {
        var name = TestUser.UniqueName();
        await TestUser.CreateAsync(api, name);

        var sameName = await _client.PostAsJsonAsync("/api/auth/register",
            new { userName = name.ToUpperInvariant(), email = "other@example.test", password = "long-enough", displayName = "X" });
        var sameEmail = await _client.PostAsJsonAsync("/api/auth/register",
            new { userName = TestUser.UniqueName(), email = $"{name.ToUpperInvariant()}@EXAMPLE.test", password = "long-enough", displayName = "X" });

        await ApiAssert.ProblemAsync(sameName, 409);
        await ApiAssert.ProblemAsync(sameEmail, 409);
    }

    [Fact]
    public async Task Register_with_invalid_fields_reports_each_field()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register",
            new { userName = "no spaces!", email = "not-an-email", password = "short", displayName = new string('x', 51) });

        await ApiAssert.ValidationProblemAsync(response, "userName", "email", "password", "displayName");
    }

    [Fact]
    public async Task Register_with_missing_fields_reports_them()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { });
        await ApiAssert.ValidationProblemAsync(response, "userName", "email", "password", "displayName");
    }

    [Theory]
    [InlineData("{\"userName\": ", "body")]
    [InlineData("{\"userName\": 12, \"email\": \"a@b.c\", \"password\": \"long-enough\", \"displayName\": \"x\"}", "userName")]
    [InlineData("[1,2,3]", "body")]
    public async Task Register_with_malformed_json_or_wrong_types_is_400(string body, string field)
    {
        var response = await _client.PostAsync("/api/auth/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await ApiAssert.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Register_with_a_non_json_content_type_is_415()
    {
        var response = await _client.PostAsync("/api/auth/register", new StringContent("userName=x", System.Text.Encoding.UTF8, "text/plain"));
        await ApiAssert.ProblemAsync(response, 415);
    }

    [Fact]
    public async Task Login_works_with_userName_or_email_and_returns_tokens()
    {
        var name = TestUser.UniqueName();
        await TestUser.CreateAsync(api, name);

        var byName = await _client.PostAsJsonAsync("/api/auth/login", new { login = name, password = TestUser.Password });
        var byEmail = await _client.PostAsJsonAsync("/api/auth/login", new { login = $"{name}@example.test", password = TestUser.Password });

        foreach (var response in new[] { byName, byEmail })
        {
            await ApiAssert.StatusAsync(response, 200);
            var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrEmpty(tokens.GetProperty("accessToken").GetString()));
            Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refreshToken").GetString()));
            Assert.True(tokens.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task Login_with_unknown_user_or_wrong_password_gives_the_same_401()
    {
        var name = TestUser.UniqueName();
        await TestUser.CreateAsync(api, name);

        var wrongPassword = await ApiAssert.ProblemAsync(
            await _client.PostAsJsonAsync("/api/auth/login", new { login = name, password = "wrong-password" }), 401);
        var unknownUser = await ApiAssert.ProblemAsync(
            await _client.PostAsJsonAsync("/api/auth/login", new { login = "nobody_" + name, password = "wrong-password" }), 401);

        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknownUser.GetProperty("detail").GetString());
    }
}
