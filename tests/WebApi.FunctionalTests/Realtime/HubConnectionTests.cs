using System.Net;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class HubConnectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Connecting_without_a_token_is_refused_with_401()
    {
        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubClient.ConnectAsync(api.ServerAddress, null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);

        var negotiate = await api.CreateHttpClient().PostAsync(HubClient.HubPath + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task Connecting_with_a_forged_token_is_refused_with_401()
    {
        var user = await TestUser.CreateAsync(api);
        var forged = user.AccessToken[..^4] + (user.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubClient.ConnectAsync(api.ServerAddress, forged));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task Hub_methods_run_as_the_connection_user()
    {
        var owner = await TestUser.CreateAsync(api);
        var room = await Rooms.CreateAsync(owner, isPrivate: true);
        await using var hub = await HubClient.ConnectAsync(api, owner);

        // Only the owner may enter their private room, so this passes only if ICurrentUser is the connection's user.
        var joined = await hub.InvokeAsync("JoinRoom", room);
        Assert.Equal(room, joined.GetProperty("room").GetProperty("id").GetString());
        var online = Assert.Single(joined.GetProperty("online").EnumerateArray());
        Assert.Equal(owner.UserName, online.GetProperty("userName").GetString());
    }
}
