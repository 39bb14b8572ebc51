using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>Counts warnings and errors logged anywhere in the pipeline, for the report (the console logger shows them).</summary>
public sealed class WarningCounter : ILoggerProvider
{
    private long _warnings;
    private long _errors;

    public long Warnings => Interlocked.Read(ref _warnings);
    public long Errors => Interlocked.Read(ref _errors);

    public ILogger CreateLogger(string categoryName) => new Counter(this);

    /// <summary>What a measured run logs through: warnings and errors, one line each on stderr, counted here.</summary>
    public ILoggerFactory CreateConsoleLoggers() => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Warning);
        builder.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddProvider(this);
    });

    public void Dispose()
    {
    }

    private sealed class Counter(WarningCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Interlocked.Increment(ref owner._errors);
            }
            else if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref owner._warnings);
            }
        }
    }
}
