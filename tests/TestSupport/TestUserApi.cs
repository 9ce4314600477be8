using System.Net.Http.Json;
using System.Text.Json;

namespace CleanBackend.TestSupport;

/// <summary>
/// REST calls a test user makes in the single-server and the multi-node tests alike; each asserts its success status.
/// </summary>
public static class TestUserApi
{
    public static async Task<JsonElement> GetJsonAsync(this TestUser user, string path)
    {
        var response = await user.Client.GetAsync(path);
        await ApiAssert.StatusAsync(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The id of the session this client's access token belongs to, as GET /api/auth/sessions marks it.</summary>
    public static async Task<string> CurrentSessionIdAsync(this HttpClient signedIn)
    {
        var response = await signedIn.GetAsync("/api/auth/sessions");
        await ApiAssert.StatusAsync(response, 200);
        var sessions = (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
        return sessions.Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;
    }

    public static async Task FollowAsync(this TestUser user, TestUser followee) =>
        await ApiAssert.StatusAsync(await user.Client.PutAsync($"/api/users/{followee.UserName}/follow", null), 204);

    /// <summary>Creates a room owned by <paramref name="owner"/> and returns its id (a string, as in the JSON).</summary>
    public static async Task<string> CreateRoomAsync(this TestUser owner, bool isPrivate = false)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/rooms", new { name = "room " + TestUser.UniqueName(), isPrivate });
        await ApiAssert.StatusAsync(response, 201);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task AddRoomMemberAsync(this TestUser owner, string roomId, TestUser member) =>
        await ApiAssert.StatusAsync(await owner.Client.PostAsJsonAsync($"/api/rooms/{roomId}/members", new { userName = member.UserName }), 204);
}
