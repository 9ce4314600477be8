using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime;

public sealed class HubConnectionSessionFilterTests
{
    private readonly HubConnectionsBySession _connections = new();
    private readonly HubConnectionSessionFilter _filter;

    public HubConnectionSessionFilterTests() => _filter = new HubConnectionSessionFilter(_connections);

    [Fact]
    public async Task A_connection_is_recorded_under_its_session_while_open()
    {
        var connection = new FakeHubCallerContext(sessionId: 42);
        var seenDuringConnect = new HashSet<long>();

        await _filter.OnConnectedAsync(Lifetime(connection), _ =>
        {
            seenDuringConnect.UnionWith(_connections.SessionIds());
            return Task.CompletedTask;
        });
        Assert.Equal([42L], seenDuringConnect);
        Assert.Equal([42L], _connections.SessionIds());

        await _filter.OnDisconnectedAsync(Lifetime(connection), null, (_, _) => Task.CompletedTask);
        Assert.Empty(_connections.SessionIds());
    }

    [Fact]
    public async Task A_connection_whose_hub_failed_to_connect_is_not_kept()
    {
        var connection = new FakeHubCallerContext(sessionId: 42);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _filter.OnConnectedAsync(Lifetime(connection), _ => throw new InvalidOperationException("presence is down")));

        Assert.Empty(_connections.SessionIds());
    }

    [Fact]
    public async Task A_connection_is_removed_even_when_the_hubs_disconnect_fails()
    {
        var connection = new FakeHubCallerContext(sessionId: 42);
        await _filter.OnConnectedAsync(Lifetime(connection), _ => Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _filter.OnDisconnectedAsync(Lifetime(connection), null, (_, _) => throw new InvalidOperationException("presence is down")));

        Assert.Empty(_connections.SessionIds());
    }

    [Fact]
    public async Task A_connection_without_a_session_claim_is_not_recorded_but_still_connects()
    {
        var connected = false;

        await _filter.OnConnectedAsync(Lifetime(new FakeHubCallerContext(sessionId: null)), _ =>
        {
            connected = true;
            return Task.CompletedTask;
        });

        Assert.True(connected);
        Assert.Empty(_connections.SessionIds());
    }

    private static HubLifetimeContext Lifetime(HubCallerContext connection) =>
        new(connection, new ServiceCollection().BuildServiceProvider(), new NoHub());

    private sealed class NoHub : Hub;
}
