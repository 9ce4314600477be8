using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CleanBackend.TestSupport;

/// <summary>
/// A logger provider that keeps every log entry of a test server in memory, so tests can check what an operator
/// would read: as entries, or as the formatted lines a console would show.
/// </summary>
/// <param name="minimumLevel">Entries below it are not kept (the host's own log filters apply as well).</param>
public sealed class CapturedLogs(LogLevel minimumLevel = LogLevel.Trace) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Each entry as one line: level, category, message and exception text.</summary>
    public IEnumerable<string> Lines => _entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimumLevel, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, LogLevel minimumLevel, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);
