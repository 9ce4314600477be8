using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class HubRobustnessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, object?[], string> BadInvocations => new()
    {
        { "NoSuchMethod", [1], "Method does not exist." },
        { "JoinRoom", [], "Invocation provides 0 argument(s) but target expects 1." },
        { "SendMessage", ["$room"], "Invocation provides 1 argument(s) but target expects 2." },
        { "SendMessage", ["$room", "a", "b"], "Invocation provides 3 argument(s) but target expects 2." },
        { "JoinRoom", ["not-a-number"], "Make sure that the types of the provided values match" },
        { "JoinRoom", [new[] { 1 }], "Make sure that the types of the provided values match" },
        { "SendMessage", ["$room", 42], "Make sure that the types of the provided values match" },
        { "SendMessage", ["$room", new string('x', 20_000)], "the hub accepts at most 8192 bytes" },
        { "SendMessage", ["$room", ""], "'text' must not be empty." },
        { "SendMessage", ["$room", new string('x', 2001)], "2000" },
        { "SendMessage", ["$room", "   "], "'text' must not be empty." },
        { "SendMessage", ["$room", "a\0b"], "'text' must not contain the NUL character (U+0000)." },
        { "JoinRoom", ["999"], "There is no room 999." },
    };

    [Theory]
    [MemberData(nameof(BadInvocations))]
    public async Task A_bad_invocation_gets_a_clear_error_and_the_connection_and_others_carry_on(string method, object?[] arguments, string expectedError)
    {
        var caller = await TestUser.CreateAsync(api);
        var bystander = await TestUser.CreateAsync(api);
        var room = await caller.CreateRoomAsync();
        await using var callerHub = await RecordingHubConnection.ConnectAsync(api, caller);
        await using var bystanderHub = await RecordingHubConnection.ConnectAsync(api, bystander);
        await callerHub.InvokeAsync("JoinRoom", room);
        await bystanderHub.InvokeAsync("JoinRoom", room);

        var error = await callerHub.InvokeExpectingErrorAsync(method, arguments.Select(a => a as string == "$room" ? room : a).ToArray());

        Assert.Contains(expectedError, error);
        Assert.DoesNotContain("   at ", error);
        var sent = await callerHub.InvokeAsync("SendMessage", room, "still here");
        var received = await bystanderHub.NextAsync(RealtimeEvents.RoomMessage);
        Assert.Equal(sent.GetProperty("id").GetString(), received.GetProperty("message").GetProperty("id").GetString());
        Assert.Single(bystanderHub.Received(RealtimeEvents.RoomMessage));
    }

    [Fact]
    public async Task A_frame_beyond_the_transport_limit_closes_only_that_connection()
    {
        var caller = await TestUser.CreateAsync(api);
        var bystander = await TestUser.CreateAsync(api);
        var room = await bystander.CreateRoomAsync();
        await using var callerHub = await RecordingHubConnection.ConnectAsync(api, caller);
        await using var bystanderHub = await RecordingHubConnection.ConnectAsync(api, bystander);
        await bystanderHub.InvokeAsync("JoinRoom", room);

        // 4 x Realtime:MaxMessageBytes is where the server stops reading instead of answering.
        // The invocation never completes: the connection it travels on is closed under it.
        await Assert.ThrowsAnyAsync<Exception>(() => callerHub.InvokeAsync("SendMessage", room, new string('x', 40_000)));

        var closeError = await callerHub.Closed.WaitAsync(RecordingHubConnection.DefaultTimeout);
        Assert.NotNull(closeError);
        await bystanderHub.InvokeAsync("SendMessage", room, "unaffected");
        Assert.Equal("unaffected", (await bystanderHub.NextAsync(RealtimeEvents.RoomMessage)).GetProperty("message").GetProperty("text").GetString());
    }
}
