using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>What the tests of hub connections and sessions ending share.</summary>
public static class SessionHubActions
{
    /// <summary>The id of the session the access token belongs to, as GET /api/auth/sessions marks it.</summary>
    public static async Task<string> CurrentSessionIdAsync(this ApiFactory api, string accessToken)
    {
        var response = await api.CreateHttpClient(accessToken).GetAsync("/api/auth/sessions");
        await ApiAssert.StatusAsync(response, 200);
        var sessions = (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
        return sessions.Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;
    }

    /// <summary>A follow notifies every connection of the followee: <paramref name="hub"/> must be open and among them.</summary>
    public static async Task AssertStillReceivesEventsAsync(this ApiFactory api, HubClient hub, TestUser user)
    {
        await (await TestUser.CreateAsync(api)).FollowAsync(user);
        Assert.Equal("follow", (await hub.NextAsync(RealtimeEvents.Notification)).GetProperty("type").GetString());
        Assert.False(hub.Closed.IsCompleted);
    }
}
