using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Auth;

public sealed class SessionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Sessions_lists_the_callers_active_sessions_and_marks_the_current_one()
    {
        var user = await TestUser.CreateAsync(api);
        var phoneClient = api.CreateHttpClient();
        phoneClient.DefaultRequestHeaders.UserAgent.ParseAdd("PhoneApp/2.0");
        var phone = await TestUser.LogInAsync(phoneClient, user.UserName);
        var loggedOut = await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName);
        await ApiAssert.StatusAsync(await api.CreateHttpClient().PostAsJsonAsync("/api/auth/logout", new { refreshToken = loggedOut.RefreshToken }), 204);
        await TestUser.CreateAsync(api); // someone else's session must not show up

        var sessions = await ListAsync(api.CreateHttpClient(phone.AccessToken));

        Assert.Equal(2, sessions.Length);
        var current = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("PhoneApp/2.0", current.GetProperty("userAgent").GetString());
        foreach (var session in sessions)
        {
            Assert.Equal(JsonValueKind.String, session.GetProperty("id").ValueKind);
            Assert.Equal("127.0.0.1", session.GetProperty("ip").GetString());
            Assert.True(session.GetProperty("createdAt").GetDateTimeOffset() <= session.GetProperty("lastSeenAt").GetDateTimeOffset());
        }
        Assert.True(sessions[0].GetProperty("id").GetString() != sessions[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Deleting_a_session_revokes_it_and_its_tokens_stop_working()
    {
        var user = await TestUser.CreateAsync(api);
        var laptop = await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName);
        var laptopClient = api.CreateHttpClient(laptop.AccessToken);
        var laptopSessionId = CurrentSessionId(await ListAsync(laptopClient));

        var deleted = await user.Client.DeleteAsync($"/api/auth/sessions/{laptopSessionId}");
        await ApiAssert.StatusAsync(deleted, 204);

        await ApiAssert.ProblemAsync(await laptopClient.GetAsync("/api/users/me"), 401);
        await ApiAssert.ProblemAsync(await api.CreateHttpClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = laptop.RefreshToken }), 401);
        var remaining = await ListAsync(user.Client);
        Assert.DoesNotContain(remaining, s => s.GetProperty("id").GetString() == laptopSessionId);
        Assert.Single(remaining);
    }

    [Fact]
    public async Task Deleting_the_current_session_signs_the_caller_out()
    {
        var user = await TestUser.CreateAsync(api);
        var id = CurrentSessionId(await ListAsync(user.Client));

        await ApiAssert.StatusAsync(await user.Client.DeleteAsync($"/api/auth/sessions/{id}"), 204);

        await ApiAssert.ProblemAsync(await user.Client.GetAsync("/api/auth/sessions"), 401);
    }

    [Fact]
    public async Task Deleting_someone_elses_or_an_unknown_session_is_404_and_changes_nothing()
    {
        var owner = await TestUser.CreateAsync(api);
        var intruder = await TestUser.CreateAsync(api);
        var ownerSessionId = CurrentSessionId(await ListAsync(owner.Client));

        await ApiAssert.ProblemAsync(await intruder.Client.DeleteAsync($"/api/auth/sessions/{ownerSessionId}"), 404);
        await ApiAssert.ProblemAsync(await intruder.Client.DeleteAsync("/api/auth/sessions/12345"), 404);

        await ApiAssert.StatusAsync(await owner.Client.GetAsync("/api/users/me"), 200);
    }

    [Fact]
    public async Task Sessions_endpoints_without_a_token_or_with_a_garbage_token_are_401()
    {
        var garbage = api.CreateHttpClient("not.a.jwt");
        foreach (var client in new[] { api.CreateHttpClient(), garbage })
        {
            await ApiAssert.ProblemAsync(await client.GetAsync("/api/auth/sessions"), 401);
            await ApiAssert.ProblemAsync(await client.DeleteAsync("/api/auth/sessions/1"), 401);
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task Deleting_a_session_with_an_unparsable_id_is_400_on_id(string id)
    {
        var user = await TestUser.CreateAsync(api);
        var response = await user.Client.DeleteAsync($"/api/auth/sessions/{id}");
        await ApiAssert.ValidationProblemAsync(response, "id");
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/auth/sessions");
        await ApiAssert.StatusAsync(response, 200);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private static string CurrentSessionId(JsonElement[] sessions) =>
        sessions.Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;
}
