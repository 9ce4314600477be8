using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Application.Users;
using CleanBackend.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.WebApi.FunctionalTests.Users;

/// <summary>ApiFactory configures Admin:UserName and Admin:Password, so its server seeds an admin at startup.</summary>
public sealed class AdminSeedingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_configured_admin_exists_with_role_admin_and_the_default_email()
    {
        var admin = await TestUser.AdminAsync(api);

        var me = await admin.Client.GetFromJsonAsync<JsonElement>("/api/users/me");

        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal($"{ApiFactory.AdminUserName}@localhost", me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Ensuring_an_existing_user_promotes_them_and_resets_nothing_else()
    {
        var user = await TestUser.CreateAsync(api);
        await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Keeps This", bio = "and this" });

        var outcome = await SendAsync(new EnsureAdminCommand(user.UserName.ToUpperInvariant(), "some-other-password", "other@example.test"));

        Assert.Equal(EnsureAdminOutcome.Promoted, outcome);
        var (accessToken, _) = await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName, TestUser.Password);
        var me = await api.CreateHttpClient(accessToken).GetFromJsonAsync<JsonElement>("/api/users/me");
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal($"{user.UserName}@example.test", me.GetProperty("email").GetString());
        Assert.Equal("Keeps This", me.GetProperty("displayName").GetString());
        Assert.Equal("and this", me.GetProperty("bio").GetString());
    }

    [Fact]
    public async Task Ensuring_the_admin_again_changes_nothing()
    {
        var outcome = await SendAsync(new EnsureAdminCommand(ApiFactory.AdminUserName, ApiFactory.AdminPassword, "admin@localhost"));

        Assert.Equal(EnsureAdminOutcome.AlreadyAdmin, outcome);
        Assert.Equal(1L, await api.Database!.ScalarAsync<long>($"SELECT count(*) FROM \"Users\" WHERE \"UserName\" = '{ApiFactory.AdminUserName}'"));
    }

    private async Task<EnsureAdminOutcome> SendAsync(EnsureAdminCommand command)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }
}
