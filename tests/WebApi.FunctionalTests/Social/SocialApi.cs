using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>
/// The social endpoints as a test user calls them; each call asserts its success status. Following and plain GETs are
/// in <see cref="TestUserApi"/>.
/// </summary>
public static class SocialApi
{
    public static async Task<JsonElement> PublishAsync(this TestUser user, string text)
    {
        var response = await user.Client.PostAsJsonAsync("/api/posts", new { text });
        await ApiAssert.StatusAsync(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<long> PublishIdAsync(this TestUser user, string text) => IdOf(await user.PublishAsync(text));

    public static async Task UnfollowAsync(this TestUser user, TestUser followee) =>
        await ApiAssert.StatusAsync(await user.Client.DeleteAsync($"/api/users/{followee.UserName}/follow"), 204);

    /// <summary>One page of the home feed.</summary>
    public static Task<JsonElement> FeedPageAsync(this TestUser user, string? cursor = null, int limit = 20) =>
        user.GetJsonAsync($"/api/feed?limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));

    /// <summary>The ids of the whole home feed, newest first, page by page.</summary>
    public static Task<List<long>> FeedIdsAsync(this TestUser user, int pageSize = 100) => user.AllIdsAsync("/api/feed", pageSize);

    /// <summary>The ids of every item of a cursor-paged list, following nextCursor to the end.</summary>
    public static async Task<List<long>> AllIdsAsync(this TestUser user, string path, int pageSize = 100)
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?') ? '&' : '?';
            var page = await user.GetJsonAsync($"{path}{separator}limit={pageSize}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(IdOf));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return ids;
    }

    public static long IdOf(JsonElement item) => long.Parse(item.GetProperty("id").GetString()!);

    /// <summary>Polls the feed until <paramref name="condition"/> holds for its ids.</summary>
    public static Task FeedEventuallyAsync(this TestUser user, Func<List<long>, bool> condition, string description) =>
        Eventually.UntilAsync(async () => condition(await user.FeedIdsAsync()), $"{user.UserName}'s feed {description}");
}
