using CleanBackend.Application.Common.Interfaces;

namespace CleanBackend.Infrastructure.Time;

public sealed class SystemClock(TimeProvider time) : IClock
{
    /// <summary>
    /// Whole microseconds: PostgreSQL keeps no finer precision, so a time the API returns right after writing it
    /// (e.g. a broadcast's sentAt in the 202) is the same as the one every later read and push shows.
    /// </summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            var now = time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        }
    }
}
