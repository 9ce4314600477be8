namespace CleanBackend.Infrastructure.IntegrationTests.Identity;

/// <summary>A wall clock the test sets, including backwards (NTP corrections, VM migrations).</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
