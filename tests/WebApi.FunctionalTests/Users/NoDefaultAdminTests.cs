using System.Net.Http.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Users;

/// <summary>The test server without any Admin:* settings.</summary>
public sealed class NoAdminApiFactory : ApiFactory
{
    public NoAdminApiFactory()
    {
        Settings.Remove("Admin:UserName");
        Settings.Remove("Admin:Password");
    }
}

public sealed class NoDefaultAdminTests(NoAdminApiFactory api) : IClassFixture<NoAdminApiFactory>
{
    [Fact]
    public async Task Without_admin_settings_no_admin_account_exists()
    {
        Assert.Equal(0L, await api.Database!.ScalarAsync<long>("SELECT count(*) FROM \"Users\" WHERE \"Role\" = 'admin'"));

        var login = await api.CreateHttpClient().PostAsJsonAsync("/api/auth/login",
            new { login = ApiFactory.AdminUserName, password = ApiFactory.AdminPassword });
        await ApiAssert.ProblemAsync(login, 401);
    }
}
