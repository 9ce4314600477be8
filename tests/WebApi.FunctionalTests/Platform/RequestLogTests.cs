using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>
/// The test server with its log captured in memory. The capture sees what the console would, under a configuration
/// that turns every category (framework and EF Core included) up to Debug, the way an operator chasing a problem might.
/// </summary>
public sealed class LogCapturingApiFactory : ApiFactory
{
    public LogCapturingApiFactory()
    {
        Settings["Logging:LogLevel:Default"] = "Debug";
        Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug";
        Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug";
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

public sealed class RequestLogTests(LogCapturingApiFactory api) : IClassFixture<LogCapturingApiFactory>
{
    [Fact]
    public async Task Request_logs_have_one_line_per_request_and_never_passwords_or_tokens()
    {
        const string newPassword = "another-secret-password";
        const string wrongPassword = "a-wrong-secret-password";
        var user = await TestUser.CreateAsync(api);
        var anonymous = api.CreateHttpClient();
        await anonymous.PostAsJsonAsync("/api/auth/login", new { login = user.UserName, password = wrongPassword });
        var refreshed = await (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = refreshed.GetProperty("accessToken").GetString()!;
        var refreshToken = refreshed.GetProperty("refreshToken").GetString()!;
        var client = api.CreateHttpClient(accessToken);
        await ApiAssert.StatusAsync(await client.PostAsJsonAsync("/api/users/me/password",
            new { currentPassword = TestUser.Password, newPassword }), 204);
        // The hub path takes the token from the query string; the logged path must not include it.
        await anonymous.GetAsync($"/hubs/realtime?access_token={accessToken}");
        // Replaying the old refresh token revokes the session; its access token is then refused.
        await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/users/me"), 401);
        await anonymous.PostAsJsonAsync("/api/auth/logout", new { refreshToken });

        var lines = api.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("POST /api/auth/login 401") && l.Contains("traceId="));
        Assert.Contains(lines, l => l.Contains("POST /api/auth/refresh 200"));
        Assert.Contains(lines, l => l.Contains("GET /hubs/realtime "));
        string[] secrets = [TestUser.Password, newPassword, wrongPassword, user.AccessToken, user.RefreshToken, accessToken, refreshToken];
        foreach (var line in lines)
        {
            foreach (var secret in secrets)
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"A log line contains a secret: {line}");
        }
    }
}
