using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class SendMessageRateLimitTests(SendMessageRateLimitTests.Factory api) : IClassFixture<SendMessageRateLimitTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        public Factory() => Settings["Realtime:SendMessagePerMinute"] = "3";
    }

    [Fact]
    public async Task Sending_faster_than_the_configured_rate_is_refused_for_that_user_only()
    {
        var chatty = await TestUser.CreateAsync(api);
        var calm = await TestUser.CreateAsync(api);
        var room = await chatty.CreateRoomAsync();
        await using var chattyHub = await RecordingHubConnection.ConnectAsync(api, chatty);
        await using var calmHub = await RecordingHubConnection.ConnectAsync(api, calm);
        await chattyHub.InvokeAsync("JoinRoom", room);
        await calmHub.InvokeAsync("JoinRoom", room);

        for (var i = 0; i < 3; i++) await chattyHub.InvokeAsync("SendMessage", room, $"message {i}");
        var refused = await chattyHub.InvokeExpectingErrorAsync("SendMessage", room, "one too many");
        await calmHub.InvokeAsync("SendMessage", room, "my turn");

        Assert.Contains("Too many messages: at most 3 a minute.", refused);
        var texts = new List<string?>();
        for (var i = 0; i < 4; i++) texts.Add((await calmHub.NextAsync(RealtimeEvents.RoomMessage)).GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(["message 0", "message 1", "message 2", "my turn"], texts);
    }
}
