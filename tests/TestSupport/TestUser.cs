using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanBackend.TestSupport;

/// <summary>A registered, signed-in user with an HttpClient that sends their access token.</summary>
public sealed record TestUser(long Id, string UserName, string AccessToken, string RefreshToken, HttpClient Client)
{
    public const string Password = "correct-horse-battery";

    private static int _counter;

    public static string UniqueName(string prefix = "u") =>
        $"{prefix}{Interlocked.Increment(ref _counter)}_{Guid.NewGuid().ToString("N")[..6]}";

    public static Task<TestUser> CreateAsync(ApiFactory api, string? userName = null) => CreateAsync(api.ServerAddress, userName);

    /// <summary>Registers and signs in through the server at <paramref name="server"/> (e.g. one node of several).</summary>
    public static async Task<TestUser> CreateAsync(Uri server, string? userName = null)
    {
        userName ??= UniqueName();
        var client = new HttpClient { BaseAddress = server };
        var registered = await client.PostAsJsonAsync("/api/auth/register",
            new { userName, email = $"{userName}@example.test", password = Password, displayName = userName });
        await ApiAssert.StatusAsync(registered, 201);
        var user = await registered.Content.ReadFromJsonAsync<JsonElement>();

        var tokens = await LogInAsync(client, userName);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new TestUser(long.Parse(user.GetProperty("id").GetString()!), userName, tokens.AccessToken, tokens.RefreshToken, client);
    }

    /// <summary>The admin the test server seeded (see <see cref="ApiFactory.AdminUserName"/>), signed in with a new session.</summary>
    public static Task<TestUser> AdminAsync(ApiFactory api) => AdminAsync(api.ServerAddress);

    /// <summary>The seeded admin (<see cref="ApiFactory.AdminUserName"/>) signed in through the server at <paramref name="server"/>.</summary>
    public static async Task<TestUser> AdminAsync(Uri server)
    {
        var client = new HttpClient { BaseAddress = server };
        var tokens = await LogInAsync(client, ApiFactory.AdminUserName, ApiFactory.AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var me = await client.GetAsync("/api/users/me");
        await ApiAssert.StatusAsync(me, 200);
        var user = await me.Content.ReadFromJsonAsync<JsonElement>();
        return new TestUser(long.Parse(user.GetProperty("id").GetString()!), ApiFactory.AdminUserName, tokens.AccessToken, tokens.RefreshToken, client);
    }

    public static async Task<(string AccessToken, string RefreshToken)> LogInAsync(HttpClient client, string login, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { login, password });
        await ApiAssert.StatusAsync(response, 200);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }
}
