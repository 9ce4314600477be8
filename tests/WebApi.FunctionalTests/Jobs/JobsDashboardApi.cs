using System.Text.Json;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>The jobs dashboard's endpoints as the tests call them.</summary>
public static class JobsDashboardApi
{
    public static Task<JsonElement> JobsAsync(this TestUser admin, string path) => admin.GetJsonAsync($"/api/admin/jobs/{path}");

    /// <summary>The first page of the history (newest first), as items.</summary>
    public static async Task<List<JsonElement>> HistoryAsync(this TestUser admin, string query = "")
    {
        var page = await admin.JobsAsync($"history?limit=100{query}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> RecurringJobAsync(this TestUser admin, string name) =>
        (await admin.JobsAsync("recurring")).EnumerateArray().Single(j => j.GetProperty("name").GetString() == name);

    public static async Task PostAsync(this TestUser admin, string path, int expectedStatus) =>
        await ApiAssert.StatusAsync(await admin.Client.PostAsync($"/api/admin/jobs/{path}", null), expectedStatus);

    /// <summary>Polls the history until one of its runs matches <paramref name="condition"/>; returns that run.</summary>
    public static async Task<JsonElement> RunEventuallyAsync(this TestUser admin, Func<JsonElement, bool> condition, string description)
    {
        JsonElement found = default;
        await Eventually.UntilAsync(async () =>
        {
            var runs = await admin.HistoryAsync();
            found = runs.FirstOrDefault(condition);
            return found.ValueKind != JsonValueKind.Undefined;
        }, description);
        return found;
    }

    public static string Result(this JsonElement run) => run.GetProperty("result").GetString()!;

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();
}
