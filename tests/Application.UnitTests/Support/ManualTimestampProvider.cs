namespace CleanBackend.Application.UnitTests.Support;

/// <summary>A <see cref="TimeProvider"/> whose stopwatch only moves when the test says so.</summary>
public sealed class ManualTimestampProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
