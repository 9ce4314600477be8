using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>Room set-up over the REST API, for tests about what happens in rooms.</summary>
public static class Rooms
{
    /// <summary>Creates a room owned by <paramref name="owner"/> and returns its id (a string, as in the JSON).</summary>
    public static async Task<string> CreateAsync(TestUser owner, bool isPrivate = false, string? name = null)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/rooms", new { name = name ?? "room " + TestUser.UniqueName(), isPrivate });
        await ApiAssert.StatusAsync(response, 201);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task AddMemberAsync(TestUser owner, string roomId, TestUser member)
    {
        var response = await owner.Client.PostAsJsonAsync($"/api/rooms/{roomId}/members", new { userName = member.UserName });
        await ApiAssert.StatusAsync(response, 204);
    }
}
