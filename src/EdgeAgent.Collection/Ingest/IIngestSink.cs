using EdgeAgent.Core.Model;
using EdgeAgent.Storage;

namespace EdgeAgent.Collection.Ingest;

/// <summary>Where the recorder writes: one call is one atomic transaction (all or nothing).</summary>
public interface IIngestSink
{
    Task WriteAsync(IReadOnlyList<Sample> samples, IReadOnlyList<StatusEvent> events, IReadOnlyList<CycleCount> cycles, CancellationToken cancellationToken);
}
