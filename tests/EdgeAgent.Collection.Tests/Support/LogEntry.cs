using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.Tests.Support;

internal sealed record LogEntry(DateTime TimeUtc, LogLevel Level, int EventId, string Message, Exception? Exception);
