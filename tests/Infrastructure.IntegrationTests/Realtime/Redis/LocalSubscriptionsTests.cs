using CleanBackend.Infrastructure.Realtime.Redis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

public sealed class LocalSubscriptionsTests
{
    private readonly LocalSubscriptions _subscriptions = new();
    private readonly List<string> _redisCalls = [];

    [Fact]
    public async Task The_first_member_subscribes_and_later_members_share_the_subscription()
    {
        var first = Connection("c1");
        var second = Connection("c2");

        await _subscriptions.AddAsync("chess", first, Subscribe);
        await _subscriptions.AddAsync("chess", second, Subscribe);
        await _subscriptions.AddAsync("chess", second, Subscribe);

        Assert.Equal(["subscribe chess"], _redisCalls);
        Assert.Equal(2, _subscriptions["chess"]!.Count);
    }

    [Fact]
    public async Task Later_members_wait_for_the_same_pending_subscription()
    {
        var confirmation = new TaskCompletionSource();
        var first = _subscriptions.AddAsync("chess", Connection("c1"), _ => confirmation.Task);

        var second = _subscriptions.AddAsync("chess", Connection("c2"), Subscribe);

        Assert.False(second.IsCompleted);
        confirmation.SetResult();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task Only_the_last_member_leaving_unsubscribes()
    {
        var first = Connection("c1");
        var second = Connection("c2");
        await _subscriptions.AddAsync("chess", first, Subscribe);
        await _subscriptions.AddAsync("chess", second, Subscribe);

        await _subscriptions.RemoveAsync("chess", first, Unsubscribe);
        Assert.Equal(["subscribe chess"], _redisCalls);

        await _subscriptions.RemoveAsync("chess", second, Unsubscribe);
        Assert.Equal(["subscribe chess", "unsubscribe chess"], _redisCalls);
        Assert.Null(_subscriptions["chess"]);
        Assert.Equal(0, _subscriptions.Count);
    }

    [Fact]
    public async Task Removing_a_connection_that_is_not_a_member_changes_nothing()
    {
        await _subscriptions.AddAsync("chess", Connection("c1"), Subscribe);

        await _subscriptions.RemoveAsync("chess", Connection("stranger"), Unsubscribe);
        await _subscriptions.RemoveAsync("go", Connection("c1"), Unsubscribe);

        Assert.Equal(["subscribe chess"], _redisCalls);
        Assert.Equal(1, _subscriptions["chess"]!.Count);
    }

    [Fact]
    public async Task A_disconnecting_connection_leaves_all_its_keys_and_empty_ones_are_unsubscribed()
    {
        var leaving = Connection("c1");
        var staying = Connection("c2");
        await _subscriptions.AddAsync("chess", leaving, Subscribe);
        await _subscriptions.AddAsync("go", leaving, Subscribe);
        await _subscriptions.AddAsync("go", staying, Subscribe);

        await _subscriptions.RemoveConnectionAsync(leaving, Unsubscribe);

        Assert.Equal(["subscribe chess", "subscribe go", "unsubscribe chess"], _redisCalls);
        Assert.Empty(_subscriptions.KeysOf("c1"));
        Assert.Equal(["go"], _subscriptions.KeysOf("c2"));
    }

    [Fact]
    public async Task Rejoining_after_the_last_member_left_subscribes_again()
    {
        var connection = Connection("c1");
        await _subscriptions.AddAsync("chess", connection, Subscribe);
        await _subscriptions.RemoveAsync("chess", connection, Unsubscribe);

        await _subscriptions.AddAsync("chess", connection, Subscribe);

        Assert.Equal(["subscribe chess", "unsubscribe chess", "subscribe chess"], _redisCalls);
    }

    [Fact]
    public async Task A_subscribe_that_throws_is_reported_through_the_task_and_the_member_is_still_kept()
    {
        var connection = Connection("c1");

        var adding = _subscriptions.AddAsync("chess", connection, _ => throw new InvalidOperationException("redis says no"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => adding);
        Assert.Equal(1, _subscriptions["chess"]!.Count);
    }

    private Task Subscribe(string key)
    {
        _redisCalls.Add("subscribe " + key);
        return Task.CompletedTask;
    }

    private Task Unsubscribe(string key)
    {
        _redisCalls.Add("unsubscribe " + key);
        return Task.CompletedTask;
    }

    private static HubConnectionContext Connection(string id) =>
        new(new DefaultConnectionContext(id), new HubConnectionContextOptions(), NullLoggerFactory.Instance);
}
