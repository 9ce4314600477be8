using CleanBackend.Application.Common.Interfaces;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>
/// 64-bit ids: 41 bits of milliseconds since 2024-01-01 (enough until 2093), 10 bits of node id (0-1023),
/// 12 bits of sequence (4096 ids per millisecond per node). Strictly increasing per node even when the
/// clock steps back: the generator keeps counting from the last timestamp it used instead.
/// </summary>
public sealed class SnowflakeIdGenerator : IIdGenerator
{
    public const int MaxNodeId = 1023;
    private const int NodeBits = 10;
    private const int SequenceBits = 12;
    private const long SequenceMask = (1L << SequenceBits) - 1;
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TimeProvider _time;
    private readonly long _node;
    private readonly Lock _gate = new();
    private long _lastMillis = -1;
    private long _sequence;

    public SnowflakeIdGenerator(int nodeId, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodeId, MaxNodeId);
        _node = nodeId;
        _time = time;
    }

    public long NextId()
    {
        lock (_gate)
        {
            var millis = Math.Max(MillisSinceEpoch(_time.GetUtcNow()), _lastMillis);
            if (millis == _lastMillis)
            {
                _sequence = (_sequence + 1) & SequenceMask;
                // Sequence exhausted within this millisecond: borrow the next one rather than wait or repeat.
                if (_sequence == 0) millis++;
            }
            else
            {
                _sequence = 0;
            }

            _lastMillis = millis;
            return (millis << (NodeBits + SequenceBits)) | (_node << SequenceBits) | _sequence;
        }
    }

    public long MinIdAt(DateTimeOffset time) => Math.Max(0, MillisSinceEpoch(time)) << (NodeBits + SequenceBits);

    public static DateTimeOffset TimeOf(long id) => Epoch.AddMilliseconds(id >> (NodeBits + SequenceBits));

    private static long MillisSinceEpoch(DateTimeOffset time) => (long)(time - Epoch).TotalMilliseconds;
}
