using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>Plugs <see cref="TestLogger{T}"/> into a host's logging.</summary>
internal sealed class TestLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestLogger<object>(output);

    public void Dispose()
    {
    }
}
