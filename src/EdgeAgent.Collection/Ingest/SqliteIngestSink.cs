using EdgeAgent.Core.Model;
using EdgeAgent.Storage;

namespace EdgeAgent.Collection.Ingest;

/// <summary>The recorder's sink in production: the SQLite database.</summary>
public sealed class SqliteIngestSink(SqliteStorage storage) : IIngestSink
{
    /// <inheritdoc/>
    public Task WriteAsync(IReadOnlyList<Sample> samples, IReadOnlyList<StatusEvent> events, IReadOnlyList<CycleCount> cycles, CancellationToken cancellationToken) =>
        storage.WriteAsync(samples, events, cycles, cancellationToken);
}
