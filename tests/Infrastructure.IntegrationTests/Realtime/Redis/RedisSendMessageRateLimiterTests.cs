using CleanBackend.Infrastructure.Realtime;
using CleanBackend.Infrastructure.Realtime.Redis;
using CleanBackend.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>The SendMessage rate counted in Redis, shared by "nodes" (limiters with their own connection).</summary>
public sealed class RedisSendMessageRateLimiterTests : IAsyncLifetime
{
    private const int PerMinute = 3;

    // A whole minute plus 10 s: the window arithmetic is relative to whole minutes of Unix time.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(29_000_000 * 60L + 10));
    private readonly string _prefix = "rate-test-" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<RedisConnection> _connections = [];

    [Fact]
    public async Task A_users_messages_count_against_one_allowance_on_every_node()
    {
        var node1 = Limiter();
        var node2 = Limiter();

        Assert.True(await node1.TryAcquireAsync(42));
        Assert.True(await node2.TryAcquireAsync(42));
        Assert.True(await node1.TryAcquireAsync(42));

        Assert.False(await node2.TryAcquireAsync(42));
        Assert.False(await node1.TryAcquireAsync(42));
        Assert.True(await node2.TryAcquireAsync(43));
    }

    [Fact]
    public async Task The_previous_minute_counts_for_the_part_of_it_still_inside_the_last_60_seconds()
    {
        var limiter = Limiter();
        for (var i = 0; i < PerMinute; i++) Assert.True(await limiter.TryAcquireAsync(7));

        // Half-way into the next minute, half of the 3 (rounded down: 1) still counts: 2 more are allowed.
        _clock.Advance(TimeSpan.FromSeconds(80));
        Assert.True(await limiter.TryAcquireAsync(7));
        Assert.True(await limiter.TryAcquireAsync(7));
        Assert.False(await limiter.TryAcquireAsync(7));
    }

    [Fact]
    public async Task Refused_messages_do_not_count()
    {
        var limiter = Limiter();
        for (var i = 0; i < PerMinute; i++) await limiter.TryAcquireAsync(8);
        for (var i = 0; i < 10; i++) Assert.False(await limiter.TryAcquireAsync(8));

        // A minute later 5/6 of the previous minute still count: 2 of its 3 accepted ones (13 would have left no room).
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await limiter.TryAcquireAsync(8));
        Assert.False(await limiter.TryAcquireAsync(8));
    }

    [Fact]
    public async Task Without_Redis_each_node_counts_on_its_own()
    {
        var unreachable = Limiter(redis: "127.0.0.1:1,connectTimeout=200");

        for (var i = 0; i < PerMinute; i++) Assert.True(await unreachable.TryAcquireAsync(9));
        Assert.False(await unreachable.TryAcquireAsync(9));
    }

    private RedisSendMessageRateLimiter Limiter(string? redis = null)
    {
        var options = Options.Create(new RedisBackplaneOptions { Redis = redis ?? TestEnvironment.Redis, ChannelPrefix = _prefix });
        var connection = new RedisConnection(options, new RedisNode(), NullLogger<RedisConnection>.Instance);
        _connections.Add(connection);
        var nodeLimiter = new SendMessageRateLimiter(Options.Create(new RealtimeOptions { SendMessagePerMinute = PerMinute }));
        return new RedisSendMessageRateLimiter(connection, nodeLimiter, options, _clock, NullLogger<RedisSendMessageRateLimiter>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
