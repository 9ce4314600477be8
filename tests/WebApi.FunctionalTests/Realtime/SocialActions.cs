using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>The social actions that notify someone, as a test user calls them; each asserts its success status.</summary>
public static class SocialActions
{
    public static async Task LikeAsync(this TestUser user, long postId) =>
        await ApiAssert.StatusAsync(await user.Client.PutAsync($"/api/posts/{postId}/like", null), 204);

    public static async Task UnlikeAsync(this TestUser user, long postId) =>
        await ApiAssert.StatusAsync(await user.Client.DeleteAsync($"/api/posts/{postId}/like"), 204);

    public static async Task<JsonElement> CommentAsync(this TestUser user, long postId, string text)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/posts/{postId}/comments", new { text });
        await ApiAssert.StatusAsync(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
