using Microsoft.Extensions.Logging;
using Moq;

namespace CleanBackend.Application.UnitTests.Support;

public static class LoggerMockExtensions
{
    /// <summary>Verifies how many entries of <paramref name="level"/> were written (optionally carrying <paramref name="exception"/>).</summary>
    public static void VerifyLogged<T>(this Mock<ILogger<T>> logger, LogLevel level, Times times, Exception? exception = null) =>
        logger.Verify(l => l.Log(
                level,
                It.IsAny<EventId>(),
                It.IsAny<It.IsAnyType>(),
                It.Is<Exception?>(e => exception == null || ReferenceEquals(e, exception)),
                It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            times);

    /// <summary>The formatted messages written at <paramref name="level"/>.</summary>
    public static IReadOnlyList<string> Messages<T>(this Mock<ILogger<T>> logger, LogLevel level) =>
        logger.Invocations
            .Where(i => i.Method.Name == nameof(ILogger.Log) && i.Arguments[0] is LogLevel logged && logged == level)
            .Select(i => i.Arguments[2]?.ToString() ?? "")
            .ToList();
}
