using CleanBackend.TestSupport;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>Connects <see cref="RecordingHubConnection"/>s to <see cref="BackplaneTestHub"/>, and asks it what only the server knows.</summary>
public static class BackplaneTestHubClients
{
    /// <summary>
    /// Connects to the test hub behind this address (a node, or nginx in front of nodes) as <paramref name="user"/>,
    /// then asks for the connection id: the answer proves the server finished registering the connection (the
    /// lifetime manager's OnConnectedAsync runs before any invocation), so a send made right after reaches it.
    /// </summary>
    public static async Task<RecordingHubConnection> ConnectAsync(Uri server, string? user = null)
    {
        var hubAddress = new UriBuilder(server)
        {
            Path = BackplaneTestNode.HubPath,
            // QueryStringUserIdProvider takes the user from here: the test hub needs no authentication.
            Query = user is null ? "" : "user=" + Uri.EscapeDataString(user),
        }.Uri;
        var client = await RecordingHubConnection.ConnectToAsync(hubAddress, [BackplaneTestHub.Message]);
        await client.ConnectionIdAsync();
        return client;
    }

    /// <summary>The server's id for this connection (the client skips negotiate, where SignalR would hand it out).</summary>
    public static async Task<string> ConnectionIdAsync(this RecordingHubConnection client) =>
        (await client.InvokeAsync(nameof(BackplaneTestHub.ConnectionId))).GetString()!;
}
