using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.EndToEnd.Tests;

/// <summary>The official @microsoft/signalr client, run by node, against the real server.</summary>
public sealed class JavaScriptClientTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_official_client_connects_receives_a_notification_and_exchanges_room_messages()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var created = await alice.Client.PostAsJsonAsync("/api/rooms", new { name = "lobby", isPrivate = false });
        await ApiAssert.StatusAsync(created, 201);
        var roomId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var baseUrl = api.ServerAddress.ToString().TrimEnd('/');
        var run = await NodeScript.RunAsync("realtime-client.js", [baseUrl, roomId, alice.AccessToken, alice.UserName, bob.AccessToken],
            TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0, $"node exited with {run.ExitCode}. Output: {run.Output} Errors: {run.Errors}");
        Assert.Equal(
        [
            "connected",
            $"notification follow from {bob.UserName}",
            "joined lobby",
            $"bob received roomMessage \"hello from alice\" from {alice.UserName} in room {roomId}",
            $"alice received roomMessage \"hi alice\" from {bob.UserName}",
            "done",
        ], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
