using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>One user signed in on two devices (two sessions), each with an open hub connection.</summary>
public sealed record TwoConnectedSessions(TestUser User, RecordingHubConnection Hub, string OtherAccessToken, string OtherRefreshToken, RecordingHubConnection OtherHub)
    : IAsyncDisposable
{
    public static async Task<TwoConnectedSessions> OpenAsync(ApiFactory api)
    {
        var user = await TestUser.CreateAsync(api);
        var (otherAccessToken, otherRefreshToken) = await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName);
        var hub = await RecordingHubConnection.ConnectAsync(api, user);
        var otherHub = await RecordingHubConnection.ConnectAsync(api.ServerAddress, otherAccessToken);
        return new TwoConnectedSessions(user, hub, otherAccessToken, otherRefreshToken, otherHub);
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await OtherHub.DisposeAsync();
    }
}
