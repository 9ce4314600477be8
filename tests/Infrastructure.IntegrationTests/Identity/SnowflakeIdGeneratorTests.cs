using CleanBackend.Infrastructure.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CleanBackend.Infrastructure.IntegrationTests.Identity;

public sealed class SnowflakeIdGeneratorTests
{
    private const int SequenceBits = 12;
    private const int NodeBits = 10;
    private const int IdsPerMillisecond = 1 << SequenceBits;
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static long NodeOf(long id) => (id >> SequenceBits) & ((1 << NodeBits) - 1);
    private static long SequenceOf(long id) => id & (IdsPerMillisecond - 1);

    private static long[] Generate(SnowflakeIdGenerator generator, int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++) ids[i] = generator.NextId();
        return ids;
    }

    private static void AssertStrictlyIncreasing(IReadOnlyList<long> ids)
    {
        for (var i = 1; i < ids.Count; i++)
        {
            if (ids[i] <= ids[i - 1]) Assert.Fail($"id #{i} ({ids[i]}) is not greater than id #{i - 1} ({ids[i - 1]})");
        }
    }

    [Fact]
    public void Ids_of_one_node_strictly_increase_on_the_real_clock()
    {
        var ids = Generate(new SnowflakeIdGenerator(5, TimeProvider.System), 200_000);

        AssertStrictlyIncreasing(ids);
        Assert.All(ids, id => Assert.True(id > 0));
    }

    [Fact]
    public void A_million_ids_of_one_node_do_not_collide()
    {
        var ids = Generate(new SnowflakeIdGenerator(0, TimeProvider.System), 1_000_000);

        Assert.Equal(ids.Length, ids.ToHashSet().Count);
    }

    [Fact]
    public async Task Threads_sharing_one_generator_get_distinct_ids()
    {
        var generator = new SnowflakeIdGenerator(3, TimeProvider.System);

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Generate(generator, 100_000))));

        Assert.Equal(400_000, batches.SelectMany(b => b).ToHashSet().Count);
        Assert.All(batches, AssertStrictlyIncreasing);
    }

    [Fact]
    public async Task Two_nodes_generating_at_the_same_time_do_not_collide()
    {
        var node1 = new SnowflakeIdGenerator(1, TimeProvider.System);
        var node2 = new SnowflakeIdGenerator(2, TimeProvider.System);
        using var start = new Barrier(2);

        var batches = await Task.WhenAll(
            Task.Run(() => { start.SignalAndWait(); return Generate(node1, 500_000); }),
            Task.Run(() => { start.SignalAndWait(); return Generate(node2, 500_000); }));

        Assert.Equal(1_000_000, batches.SelectMany(b => b).ToHashSet().Count);
        Assert.All(batches[0], id => Assert.Equal(1, NodeOf(id)));
        Assert.All(batches[1], id => Assert.Equal(2, NodeOf(id)));
    }

    [Fact]
    public void Two_nodes_at_the_same_instant_differ_only_in_the_node_bits()
    {
        var clock = new FakeTimeProvider(Noon);

        var a = new SnowflakeIdGenerator(1, clock).NextId();
        var b = new SnowflakeIdGenerator(1023, clock).NextId();

        Assert.NotEqual(a, b);
        Assert.Equal(a >> (SequenceBits + NodeBits), b >> (SequenceBits + NodeBits));
        Assert.Equal(1023, NodeOf(b));
    }

    [Fact]
    public void Clock_stepping_back_does_not_repeat_or_reorder_ids()
    {
        var clock = new FakeTimeProvider(Noon);
        var generator = new SnowflakeIdGenerator(7, clock);
        var before = Generate(generator, 10);

        clock.AdjustTime(Noon.AddSeconds(-5));
        var whileBehind = Generate(generator, 10);
        clock.AdjustTime(Noon.AddMilliseconds(1));
        var afterCatchingUp = Generate(generator, 10);

        long[] all = [.. before, .. whileBehind, .. afterCatchingUp];
        AssertStrictlyIncreasing(all);
        Assert.All(whileBehind, id => Assert.Equal(Noon, SnowflakeIdGenerator.TimeOf(id)));
        Assert.Equal(Noon.AddMilliseconds(1), SnowflakeIdGenerator.TimeOf(afterCatchingUp[0]));
    }

    [Fact]
    public void Exhausting_the_sequence_within_a_millisecond_borrows_the_next_millisecond()
    {
        var clock = new FakeTimeProvider(Noon);
        var generator = new SnowflakeIdGenerator(9, clock);

        var ids = Generate(generator, IdsPerMillisecond + 1);

        AssertStrictlyIncreasing(ids);
        Assert.All(ids[..IdsPerMillisecond], id => Assert.Equal(Noon, SnowflakeIdGenerator.TimeOf(id)));
        Assert.Equal(Enumerable.Range(0, IdsPerMillisecond).Select(i => (long)i), ids[..IdsPerMillisecond].Select(SequenceOf));
        Assert.Equal(Noon.AddMilliseconds(1), SnowflakeIdGenerator.TimeOf(ids[^1]));
        Assert.Equal(0, SequenceOf(ids[^1]));

        // When the real clock reaches the borrowed millisecond, numbering continues instead of starting over.
        clock.AdjustTime(Noon.AddMilliseconds(1));
        var next = generator.NextId();
        Assert.True(next > ids[^1]);
        Assert.Equal(1, SequenceOf(next));
    }

    [Fact]
    public void MinIdAt_separates_ids_generated_before_and_from_that_time()
    {
        var clock = new FakeTimeProvider(Noon);
        var generator = new SnowflakeIdGenerator(1023, clock);
        var earlier = Generate(generator, 100);
        clock.AdjustTime(Noon.AddMilliseconds(1));
        var atCutoff = generator.NextId();
        clock.AdjustTime(Noon.AddSeconds(1));
        var later = generator.NextId();

        var cutoff = generator.MinIdAt(Noon.AddMilliseconds(1));

        Assert.All(earlier, id => Assert.True(id < cutoff));
        Assert.True(atCutoff >= cutoff);
        Assert.True(later >= cutoff);
        Assert.True(generator.MinIdAt(Noon) <= earlier[0]);
        Assert.True(generator.MinIdAt(Noon) < generator.MinIdAt(Noon.AddMilliseconds(1)));
    }

    [Fact]
    public void MinIdAt_is_the_same_on_every_node_so_any_node_can_compute_a_cutoff()
    {
        var clock = new FakeTimeProvider(Noon);

        Assert.Equal(new SnowflakeIdGenerator(0, clock).MinIdAt(Noon), new SnowflakeIdGenerator(1023, clock).MinIdAt(Noon));
    }

    [Fact]
    public void MinIdAt_before_the_epoch_is_zero()
    {
        var generator = new SnowflakeIdGenerator(0, TimeProvider.System);

        Assert.Equal(0, generator.MinIdAt(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TimeOf_returns_the_millisecond_an_id_was_made_in()
    {
        var at = Noon.AddMilliseconds(123);

        var id = new SnowflakeIdGenerator(4, new FakeTimeProvider(at.AddTicks(9_999))).NextId();

        Assert.Equal(at, SnowflakeIdGenerator.TimeOf(id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    [InlineData(int.MaxValue)]
    public void Node_id_outside_0_to_1023_is_rejected(int nodeId)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnowflakeIdGenerator(nodeId, TimeProvider.System));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SnowflakeIdGenerator.MaxNodeId)]
    public void Node_ids_at_the_ends_of_the_range_are_accepted(int nodeId)
    {
        Assert.Equal(nodeId, NodeOf(new SnowflakeIdGenerator(nodeId, TimeProvider.System).NextId()));
    }
}
