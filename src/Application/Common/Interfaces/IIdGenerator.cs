namespace CleanBackend.Application.Common.Interfaces;

/// <summary>64-bit, time-ordered ids (snowflakes): sorting by id sorts by creation time.</summary>
public interface IIdGenerator
{
    long NextId();

    /// <summary>The smallest id that could have been generated at <paramref name="time"/>: compare ids instead of timestamps.</summary>
    long MinIdAt(DateTimeOffset time);
}
