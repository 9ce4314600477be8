using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>
/// What the tests do over REST and the hub against a chosen node; each REST call asserts its status. The calls the
/// single-server tests make too are in <see cref="TestUserApi"/>.
/// </summary>
public static class ClusterApi
{
    /// <summary>The same user (same session and token) talking to another node.</summary>
    public static TestUser On(this TestUser user, AppNodeProcess node) => user with { Client = node.CreateHttpClient(user.AccessToken) };

    public static Task<RecordingHubConnection> ConnectHubAsync(this TestUser user, AppNodeProcess node) => RecordingHubConnection.ConnectAsync(node.Address, user.AccessToken);

    public static async Task<string> PublishAsync(this TestUser user, string text)
    {
        var response = await user.Client.PostAsJsonAsync("/api/posts", new { text });
        await ApiAssert.StatusAsync(response, 201);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>An admin broadcast (POST /api/admin/broadcast); its id.</summary>
    public static async Task<string> BroadcastAsync(this TestUser admin, string message)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message });
        await ApiAssert.StatusAsync(response, 202);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Every item of a cursor-paged list, newest first, following nextCursor to the end (the REST catch-up).</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(this TestUser user, string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?') ? '&' : '?';
            var page = await user.GetJsonAsync($"{path}{separator}limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>The user names in a room's presence (GET /api/rooms/{id}/online), sorted.</summary>
    public static async Task<List<string>> OnlineInRoomAsync(this TestUser user, string roomId) =>
        [.. (await user.GetJsonAsync($"/api/rooms/{roomId}/online")).GetProperty("users").EnumerateArray()
            .Select(u => u.GetProperty("userName").GetString()!).Order()];

    /// <summary>The users' names sorted as <see cref="OnlineInRoomAsync"/> sorts them.</summary>
    public static List<string> Names(params TestUser[] users) => [.. users.Select(u => u.UserName).Order()];

    public static string Id(this JsonElement item) => item.GetProperty("id").GetString()!;

    /// <summary>The text of a <c>roomMessage</c> event.</summary>
    public static string MessageText(this JsonElement roomMessage) => roomMessage.GetProperty("message").GetProperty("text").GetString()!;

    /// <summary>Who a <c>presence</c> event is about, and whether they came or went.</summary>
    public static (string UserName, bool Online) Presence(this JsonElement presence) =>
        (presence.GetProperty("user").GetProperty("userName").GetString()!, presence.GetProperty("online").GetBoolean());
}
