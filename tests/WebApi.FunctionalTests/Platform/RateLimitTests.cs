using System.Net.Http.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>Two auth requests per minute per client IP, so the third is rejected.</summary>
public sealed class LowRateLimitApiFactory : ApiFactory
{
    public LowRateLimitApiFactory() => Settings["RateLimiting:AuthPermitsPerMinute"] = "2";
}

public sealed class RateLimitTests(LowRateLimitApiFactory api) : IClassFixture<LowRateLimitApiFactory>
{
    [Fact]
    public async Task Auth_requests_over_the_limit_get_429_ProblemDetails_with_Retry_After()
    {
        var client = api.CreateHttpClient();
        var attempt = new { login = "someone", password = "whatever-password" };

        await ApiAssert.ProblemAsync(await client.PostAsJsonAsync("/api/auth/login", attempt), 401);
        await ApiAssert.ProblemAsync(await client.PostAsJsonAsync("/api/auth/login", attempt), 401);
        var limited = await client.PostAsJsonAsync("/api/auth/login", attempt);
        var register = await client.PostAsJsonAsync("/api/auth/register",
            new { userName = TestUser.UniqueName(), email = "x@example.test", password = "long-enough", displayName = "X" });

        await ApiAssert.ProblemAsync(limited, 429);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter), 1, 60);
        // The limit is per client, shared by register and login.
        await ApiAssert.ProblemAsync(register, 429);
    }
}
