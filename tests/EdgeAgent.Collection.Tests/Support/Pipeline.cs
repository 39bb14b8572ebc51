using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Collection.Tests.Support;

/// <summary>Builds the ingest side the way the agent does: channel → recorder → sink.</summary>
internal static class Pipeline
{
    public static Recorder NewRecorder(
        IngestChannel channel,
        IIngestSink sink,
        IngestMetrics? metrics = null,
        LiveState? live = null,
        Func<TagKey, double>? deadband = null,
        TimeSpan? heartbeat = null,
        int batchSize = 5000) =>
        new(
            channel,
            sink,
            live ?? new LiveState(),
            metrics ?? new IngestMetrics(),
            new DeadbandFilter(deadband ?? (_ => 0), heartbeat ?? TimeSpan.FromMinutes(5)),
            new RecorderOptions { BatchSize = batchSize, RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System,
            NullLogger<Recorder>.Instance);

    /// <summary>Runs <paramref name="messages"/> through a recorder into <paramref name="storage"/> and stops it (which drains).</summary>
    public static async Task<IngestMetrics> StoreAsync(IEnumerable<IngestMessage> messages, SqliteStorage storage, Func<TagKey, double>? deadband = null, TimeSpan? heartbeat = null)
    {
        var channel = new IngestChannel();
        var metrics = new IngestMetrics();
        var recorder = NewRecorder(channel, new SqliteIngestSink(storage), metrics, deadband: deadband, heartbeat: heartbeat);
        await recorder.StartAsync(CancellationToken.None);
        foreach (var message in messages)
        {
            await channel.Writer.WriteAsync(message);
        }

        await recorder.StopAsync(CancellationToken.None);
        recorder.Dispose();
        Assert.True(metrics.LastStorageError is null, metrics.LastStorageError);
        return metrics;
    }
}
