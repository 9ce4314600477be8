using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Auth;

/// <summary>The session flows on the embedded SQLite default, whose SQL can't compare DateTimeOffset values.</summary>
public sealed class SqliteSessionSmokeTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Refresh_sessions_profile_password_and_replay_work_on_sqlite()
    {
        var user = await TestUser.CreateAsync(api);
        var anonymous = api.CreateHttpClient();
        var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.StatusAsync(refreshed, 200);
        var tokens = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        var client = api.CreateHttpClient(tokens.GetProperty("accessToken").GetString()!);

        var sessions = await client.GetFromJsonAsync<JsonElement[]>("/api/auth/sessions");
        Assert.True(Assert.Single(sessions!).GetProperty("current").GetBoolean());
        await ApiAssert.StatusAsync(await client.PatchAsJsonAsync("/api/users/me", new { displayName = "On SQLite", bio = "yes" }), 200);
        await ApiAssert.StatusAsync(await client.PostAsJsonAsync("/api/users/me/password",
            new { currentPassword = TestUser.Password, newPassword = "sqlite-password" }), 204);
        var admin = await TestUser.AdminAsync(api);
        await ApiAssert.StatusAsync(await admin.Client.GetAsync($"/api/users/{user.UserName}"), 200);

        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken }), 401);
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/users/me"), 401);
    }
}
