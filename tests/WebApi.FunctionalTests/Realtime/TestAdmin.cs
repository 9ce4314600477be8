using System.Net.Http.Headers;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>An admin for tests: a registered user promoted in the database, signed in again so the token carries the role.</summary>
public static class TestAdmin
{
    public static async Task<TestUser> CreateAsync(ApiFactory api)
    {
        var user = await TestUser.CreateAsync(api);
        await api.Database!.ExecuteAsync($"UPDATE \"Users\" SET \"Role\" = 'admin' WHERE \"Id\" = {user.Id}");
        var (access, refresh) = await TestUser.LogInAsync(user.Client, user.UserName);
        user.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return user with { AccessToken = access, RefreshToken = refresh };
    }
}
