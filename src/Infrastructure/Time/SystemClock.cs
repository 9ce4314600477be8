using CleanBackend.Application.Common.Interfaces;

namespace CleanBackend.Infrastructure.Time;

public sealed class SystemClock(TimeProvider time) : IClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
