using CleanBackend.Infrastructure.Realtime.Redis;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

public sealed class GroupAckRegistryTests
{
    private readonly GroupAckRegistry _acks = new();

    [Fact]
    public async Task An_acknowledged_request_completes_and_leaves_the_registry()
    {
        var ack = _acks.Register();

        Assert.True(_acks.Acknowledge(ack.Id));

        Assert.True(await _acks.WaitAsync(ack, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, _acks.PendingCount);
    }

    [Fact]
    public async Task An_ack_arriving_while_waiting_completes_the_wait()
    {
        var ack = _acks.Register();
        var waiting = _acks.WaitAsync(ack, TimeSpan.FromSeconds(10));

        _acks.Acknowledge(ack.Id);

        Assert.True(await waiting);
    }

    [Fact]
    public async Task An_unanswered_request_times_out_and_leaves_the_registry()
    {
        var ack = _acks.Register();

        Assert.False(await _acks.WaitAsync(ack, TimeSpan.FromMilliseconds(50)));

        Assert.Equal(0, _acks.PendingCount);
        Assert.False(_acks.Acknowledge(ack.Id)); // a late ack finds nothing to complete
    }

    [Fact]
    public void Every_request_gets_its_own_id_and_unknown_ids_are_ignored()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => _acks.Register().Id).ToList();

        Assert.Equal(100, ids.Distinct().Count());
        Assert.Equal(100, _acks.PendingCount);
        Assert.False(_acks.Acknowledge(-1));
    }

    [Fact]
    public void A_forgotten_request_leaves_the_registry()
    {
        var ack = _acks.Register();

        _acks.Forget(ack);

        Assert.Equal(0, _acks.PendingCount);
    }

    [Fact]
    public async Task Cancelling_the_wait_leaves_the_registry_too()
    {
        var ack = _acks.Register();
        using var cancel = new CancellationTokenSource();
        var waiting = _acks.WaitAsync(ack, TimeSpan.FromSeconds(30), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, _acks.PendingCount);
    }
}
