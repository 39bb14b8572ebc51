using EdgeAgent.Core.Model;

namespace EdgeAgent.Collection.Ingest;

/// <summary>What collectors hand to ingest: a poll cycle's outcome or an online/offline transition, in the order they happened.</summary>
public readonly record struct IngestMessage
{
    private IngestMessage(SampleBatch? batch, StatusEvent? status)
    {
        Batch = batch;
        Status = status;
    }

    public SampleBatch? Batch { get; }
    public StatusEvent? Status { get; }

    public static IngestMessage Of(SampleBatch batch) => new(batch ?? throw new ArgumentNullException(nameof(batch)), null);

    public static IngestMessage Of(StatusEvent status) => new(null, status ?? throw new ArgumentNullException(nameof(status)));
}
