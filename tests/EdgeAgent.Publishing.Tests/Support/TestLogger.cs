using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>Routes logs into the xunit output, so a failing test shows what the dispatcher saw.</summary>
internal sealed class TestLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {eventId.Id} {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // Background loops can log after the test has finished; xunit refuses output then.
        }
    }
}
