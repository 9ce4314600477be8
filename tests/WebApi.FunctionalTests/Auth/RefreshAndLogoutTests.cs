using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Auth;

public sealed class RefreshAndLogoutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateHttpClient();

    [Fact]
    public async Task Refresh_returns_a_new_pair_that_works_and_can_be_refreshed_again()
    {
        var user = await TestUser.CreateAsync(api);

        var first = await RefreshAsync(user.RefreshToken);
        Assert.NotEqual(user.RefreshToken, first.RefreshToken);
        Assert.True(first.ExpiresAt > DateTimeOffset.UtcNow);
        await ApiAssert.StatusAsync(await api.CreateHttpClient(first.AccessToken).GetAsync("/api/users/me"), 200);

        var second = await RefreshAsync(first.RefreshToken);
        await ApiAssert.StatusAsync(await api.CreateHttpClient(second.AccessToken).GetAsync("/api/users/me"), 200);
    }

    [Fact]
    public async Task Replaying_a_rotated_refresh_token_revokes_the_whole_session_and_its_access_tokens()
    {
        var user = await TestUser.CreateAsync(api);
        var rotated = await RefreshAsync(user.RefreshToken);
        var rotatedClient = api.CreateHttpClient(rotated.AccessToken);
        await ApiAssert.StatusAsync(await rotatedClient.GetAsync("/api/users/me"), 200);

        var replay = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.ProblemAsync(replay, 401);

        await ApiAssert.ProblemAsync(await rotatedClient.GetAsync("/api/users/me"), 401);
        await ApiAssert.ProblemAsync(await user.Client.GetAsync("/api/users/me"), 401);
        await ApiAssert.ProblemAsync(await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = rotated.RefreshToken }), 401);
    }

    [Fact]
    public async Task Replay_revokes_only_that_session_not_the_users_other_sessions()
    {
        var user = await TestUser.CreateAsync(api);
        var otherDevice = await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName);
        await RefreshAsync(user.RefreshToken);

        await ApiAssert.ProblemAsync(await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken }), 401);

        await ApiAssert.StatusAsync(await api.CreateHttpClient(otherDevice.AccessToken).GetAsync("/api/users/me"), 200);
        await RefreshAsync(otherDevice.RefreshToken);
    }

    [Fact]
    public async Task Two_concurrent_refreshes_with_one_token_give_one_new_pair_and_one_401()
    {
        var user = await TestUser.CreateAsync(api);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            api.CreateHttpClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })));

        Assert.Equal([200, 401], responses.Select(r => (int)r.StatusCode).Order());
    }

    [Fact]
    public async Task Refresh_with_an_unknown_token_is_401()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token-we-issued" });
        await ApiAssert.ProblemAsync(response, 401);
    }

    [Fact]
    public async Task Refresh_of_an_expired_session_is_401()
    {
        var user = await TestUser.CreateAsync(api);
        await api.Database!.ExecuteAsync(
            $"UPDATE \"UserSessions\" SET \"ExpiresAt\" = now() - interval '1 minute' WHERE \"UserId\" = {user.Id}");

        var response = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.ProblemAsync(response, 401);
    }

    [Fact]
    public async Task Logout_returns_204_and_ends_the_session_and_its_tokens()
    {
        var user = await TestUser.CreateAsync(api);

        var logout = await _anonymous.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken });
        await ApiAssert.StatusAsync(logout, 204);

        await ApiAssert.ProblemAsync(await user.Client.GetAsync("/api/users/me"), 401);
        await ApiAssert.ProblemAsync(await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken }), 401);
        // Logging out again is harmless.
        await ApiAssert.StatusAsync(await _anonymous.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken }), 204);
    }

    [Fact]
    public async Task Logout_with_an_unknown_token_is_401()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/logout", new { refreshToken = "not-a-token-we-issued" });
        await ApiAssert.ProblemAsync(response, 401);
    }

    public static TheoryData<string, string, string> BadBodies()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var path in new[] { "/api/auth/refresh", "/api/auth/logout" })
        {
            data.Add(path, "{}", "refreshToken");
            data.Add(path, """{"refreshToken": null}""", "refreshToken");
            data.Add(path, """{"refreshToken": ""}""", "refreshToken");
            data.Add(path, """{"refreshToken": 42}""", "refreshToken");
            data.Add(path, """{"refreshToken": ["a"]}""", "refreshToken");
            data.Add(path, $$"""{"refreshToken": "{{new string('x', 101)}}"}""", "refreshToken");
            data.Add(path, """{"refreshToken": """, "body");
            data.Add(path, "[]", "body");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Refresh_and_logout_with_bad_input_are_400_with_the_field(string path, string body, string field)
    {
        var response = await _anonymous.PostAsync(path, RawJson.Body(body));
        await ApiAssert.ValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("/api/auth/refresh")]
    [InlineData("/api/auth/logout")]
    public async Task Refresh_and_logout_without_a_body_are_400(string path)
    {
        var response = await _anonymous.PostAsync(path, RawJson.Body(""));
        await ApiAssert.ValidationProblemAsync(response, "body");
    }

    private async Task<(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)> RefreshAsync(string refreshToken)
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        await ApiAssert.StatusAsync(response, 200);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!,
            body.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
