using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanBackend.RealtimeLoad;

/// <summary>The REST calls the benchmark makes on a CleanBackend node: sign users in, send an admin broadcast.</summary>
public sealed class CleanBackendApi(Uri node) : IDisposable
{
    private const string Password = "bench-password-123";

    private readonly HttpClient _http = new() { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };
    private string? _adminToken;

    /// <summary>Registers <paramref name="count"/> users and returns an access token for each.</summary>
    public async Task<IReadOnlyList<string>> CreateUsersAsync(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var tokens = new string[count];
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var userName = $"bench{run}{i}";
                var registered = await _http.PostAsJsonAsync("/api/auth/register",
                    new { userName, email = $"{userName}@bench.test", password = Password, displayName = userName });
                await EnsureAsync(registered, "register");
                tokens[i] = await LogInAsync(userName, Password);
            }
            finally
            {
                gate.Release();
            }
        }));
        return tokens;
    }

    public async Task SignInAdminAsync(string userName, string password) => _adminToken = await LogInAsync(userName, password);

    /// <summary>POST /api/admin/broadcast, as an admin does it.</summary>
    public async Task BroadcastAsync(string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/broadcast") { Content = JsonContent.Create(new { message }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken ?? throw new InvalidOperationException("Sign the admin in first."));
        using var response = await _http.SendAsync(request);
        await EnsureAsync(response, "broadcast");
    }

    private async Task<string> LogInAsync(string login, string password)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/login", new { login, password });
        await EnsureAsync(response, "login");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();
}
