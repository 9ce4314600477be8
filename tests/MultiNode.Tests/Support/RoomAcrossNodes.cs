using CleanBackend.TestSupport;

namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>
/// Alice signed up through one node and Bob through another, each with a hub connection to their own node, in a
/// room Alice created and joined. Disposing closes both hub connections.
/// </summary>
public sealed record RoomAcrossNodes(TestUser Alice, TestUser Bob, string Room, RecordingHubConnection AliceHub, RecordingHubConnection BobHub) : IAsyncDisposable
{
    public static async Task<RoomAcrossNodes> OpenAsync(AppNodeProcess aliceNode, AppNodeProcess bobNode)
    {
        var alice = await TestUser.CreateAsync(aliceNode.Address);
        var bob = await TestUser.CreateAsync(bobNode.Address);
        var room = await alice.CreateRoomAsync();
        var aliceHub = await alice.ConnectHubAsync(aliceNode);
        var bobHub = await bob.ConnectHubAsync(bobNode);
        await aliceHub.InvokeAsync("JoinRoom", room);
        return new RoomAcrossNodes(alice, bob, room, aliceHub, bobHub);
    }

    public async ValueTask DisposeAsync()
    {
        await AliceHub.DisposeAsync();
        await BobHub.DisposeAsync();
    }
}
