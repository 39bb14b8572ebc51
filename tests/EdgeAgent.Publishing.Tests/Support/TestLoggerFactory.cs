using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>Creates <see cref="TestLogger{T}"/>s writing to one test's output.</summary>
internal sealed class TestLoggerFactory(ITestOutputHelper output) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new TestLogger<object>(output);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
