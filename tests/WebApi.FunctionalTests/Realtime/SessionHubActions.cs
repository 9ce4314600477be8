using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>What the tests of hub connections and sessions ending share.</summary>
public static class SessionHubActions
{
    /// <summary>The id of the session the access token belongs to.</summary>
    public static async Task<string> CurrentSessionIdAsync(this ApiFactory api, string accessToken)
    {
        using var client = api.CreateHttpClient(accessToken);
        return await client.CurrentSessionIdAsync();
    }

    /// <summary>A follow notifies every connection of the followee: <paramref name="hub"/> must be open and among them.</summary>
    public static async Task AssertStillReceivesEventsAsync(this ApiFactory api, RecordingHubConnection hub, TestUser user)
    {
        await (await TestUser.CreateAsync(api)).FollowAsync(user);
        Assert.Equal("follow", (await hub.NextAsync(RealtimeEvents.Notification)).GetProperty("type").GetString());
        Assert.False(hub.Closed.IsCompleted);
    }
}
