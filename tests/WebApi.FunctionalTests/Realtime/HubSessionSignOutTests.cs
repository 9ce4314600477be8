using System.Net;
using System.Net.Http.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>
/// Signing a session out closes its hub connections on this node at once. The periodic check is pushed out of the
/// way (an hour), so only the sign-out itself can close them within these tests' timeouts.
/// </summary>
public sealed class HubSessionSignOutTests(HubSessionSignOutTests.Factory api) : IClassFixture<HubSessionSignOutTests.Factory>
{
    public sealed class Factory() : SessionCheckEvery("01:00:00");

    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Deleting_a_session_closes_its_hub_connection_while_the_users_other_session_stays_connected()
    {
        await using var devices = await TwoConnectedSessions.OpenAsync(api);

        var otherSession = await api.CurrentSessionIdAsync(devices.OtherAccessToken);
        await ApiAssert.StatusAsync(await devices.User.Client.DeleteAsync($"/api/auth/sessions/{otherSession}"), 204);

        await devices.OtherHub.Closed.WaitAsync(Promptly);
        await api.AssertStillReceivesEventsAsync(devices.Hub, devices.User);
    }

    [Fact]
    public async Task Logging_out_closes_the_sessions_hub_connection()
    {
        await using var devices = await TwoConnectedSessions.OpenAsync(api);

        await ApiAssert.StatusAsync(await api.CreateHttpClient().PostAsJsonAsync("/api/auth/logout", new { refreshToken = devices.OtherRefreshToken }), 204);

        await devices.OtherHub.Closed.WaitAsync(Promptly);
        await api.AssertStillReceivesEventsAsync(devices.Hub, devices.User);
    }

    [Fact]
    public async Task Changing_the_password_closes_the_hub_connections_of_the_other_sessions_but_not_the_callers()
    {
        await using var devices = await TwoConnectedSessions.OpenAsync(api);

        var changed = await devices.User.Client.PostAsJsonAsync("/api/users/me/password",
            new { currentPassword = TestUser.Password, newPassword = "a-brand-new-password" });
        await ApiAssert.StatusAsync(changed, 204);

        await devices.OtherHub.Closed.WaitAsync(Promptly);
        await api.AssertStillReceivesEventsAsync(devices.Hub, devices.User);
    }

    [Fact]
    public async Task Reconnecting_with_the_signed_out_sessions_token_is_refused_with_401()
    {
        await using var devices = await TwoConnectedSessions.OpenAsync(api);
        await ApiAssert.StatusAsync(await devices.User.Client.DeleteAsync($"/api/auth/sessions/{await api.CurrentSessionIdAsync(devices.OtherAccessToken)}"), 204);
        await devices.OtherHub.Closed.WaitAsync(Promptly);

        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => RecordingHubConnection.ConnectAsync(api.ServerAddress, devices.OtherAccessToken));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }
}
