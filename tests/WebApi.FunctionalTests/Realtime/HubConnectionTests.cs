using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class HubConnectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Connecting_without_a_token_is_refused_with_401()
    {
        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => RecordingHubConnection.ConnectAsync(api.ServerAddress, null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);

        var negotiate = await api.CreateHttpClient().PostAsync(RecordingHubConnection.HubPath + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task Connecting_with_a_forged_token_is_refused_with_401()
    {
        var user = await TestUser.CreateAsync(api);
        var forged = user.AccessToken[..^4] + (user.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => RecordingHubConnection.ConnectAsync(api.ServerAddress, forged));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task Hub_methods_run_as_the_connection_user()
    {
        var owner = await TestUser.CreateAsync(api);
        var room = await owner.CreateRoomAsync(isPrivate: true);
        await using var hub = await RecordingHubConnection.ConnectAsync(api, owner);

        // Only the owner may enter their private room, so this passes only if ICurrentUser is the connection's user.
        var joined = await hub.InvokeAsync("JoinRoom", room);
        Assert.Equal(room, joined.GetProperty("room").GetProperty("id").GetString());
        var online = Assert.Single(joined.GetProperty("online").EnumerateArray());
        Assert.Equal(owner.UserName, online.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Hub_methods_know_the_caller_over_long_polling_too()
    {
        // Over long polling the hub runs outside the poll requests, where IHttpContextAccessor sees no request.
        var owner = await TestUser.CreateAsync(api);
        var room = await owner.CreateRoomAsync(isPrivate: true);
        var negotiated = await owner.Client.PostAsync(RecordingHubConnection.HubPath + "/negotiate?negotiateVersion=1", null);
        await ApiAssert.StatusAsync(negotiated, 200);
        var connection = RecordingHubConnection.HubPath + "?id=" + (await negotiated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        Assert.Empty(await PollAsync(owner, connection)); // the first poll only opens the connection
        await SendAsync(owner, connection, """{"protocol":"json","version":1}""");
        Assert.Equal("{}", Assert.Single(await PollAsync(owner, connection)));
        await SendAsync(owner, connection, $$"""{"type":1,"invocationId":"1","target":"JoinRoom","arguments":["{{room}}"]}""");

        var completion = await PollUntilAsync(owner, connection, r => r.GetProperty("type").GetInt32() == 3);
        Assert.False(completion.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal(room, completion.GetProperty("result").GetProperty("room").GetProperty("id").GetString());
        await owner.Client.DeleteAsync(connection);
    }

    private static async Task SendAsync(TestUser user, string connection, string record) =>
        await ApiAssert.StatusAsync(await user.Client.PostAsync(connection, new StringContent(record + "\u001e", Encoding.UTF8, "text/plain")), 200);

    /// <summary>One long poll: the server answers as soon as it has something (or after its poll timeout, with nothing).</summary>
    private static async Task<string[]> PollAsync(TestUser user, string connection)
    {
        var response = await user.Client.GetAsync(connection);
        await ApiAssert.StatusAsync(response, 200);
        return (await response.Content.ReadAsStringAsync()).Split('\u001e', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<JsonElement> PollUntilAsync(TestUser user, string connection, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow + RecordingHubConnection.DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var record in await PollAsync(user, connection))
            {
                var message = JsonDocument.Parse(record).RootElement;
                if (match(message)) return message;
            }
        }
        throw new TimeoutException("No matching message within the timeout.");
    }
}
