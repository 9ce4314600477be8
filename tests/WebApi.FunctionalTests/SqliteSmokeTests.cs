using System.Net.Http.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests;

/// <summary>A smoke pass on the embedded SQLite default, the way `dotnet run` starts the product.</summary>
public sealed class SqliteSmokeTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Register_login_and_health_work_on_sqlite()
    {
        var user = await TestUser.CreateAsync(api);
        Assert.True(user.Id > 0);

        var ready = await user.Client.GetAsync("/health/ready");
        await ApiAssert.StatusAsync(ready, 200);
        Assert.Contains("Healthy", await ready.Content.ReadAsStringAsync());

        var duplicate = await api.CreateHttpClient().PostAsJsonAsync("/api/auth/register",
            new { userName = user.UserName, email = "x@example.test", password = "long-enough", displayName = "x" });
        await ApiAssert.ProblemAsync(duplicate, 409);
    }
}
