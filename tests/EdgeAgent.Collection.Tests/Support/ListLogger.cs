using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.Tests.Support;

/// <summary>Keeps every log entry (with the time it was written), so a test can count what a component did.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add(new LogEntry(DateTime.UtcNow, logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}
