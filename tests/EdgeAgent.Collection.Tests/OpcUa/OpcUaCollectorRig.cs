using System.Collections.Concurrent;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.OpcUa;
using EdgeAgent.Collection.Tests.Support;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>
/// One <see cref="OpcUaSourceCollector"/> against a real OPC UA server, running on its own poll timer, and a reader that
/// keeps everything the collector hands to ingest.
/// </summary>
internal sealed class OpcUaCollectorRig : IAsyncDisposable
{
    public const string EquipmentId = "eq";

    private readonly ConcurrentQueue<IngestMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly IngestChannel _channel;
    private readonly SemaphoreSlim _flowing = new(1, 1);
    private readonly Task _reader;
    private Task? _run;

    private OpcUaCollectorRig(SourceConfig source, IReadOnlyList<OpcUaTagBinding> bindings, OpcUaReconnectOptions reconnect, int channelCapacity)
    {
        _channel = new IngestChannel(channelCapacity);
        Source = source;
        Collector = new OpcUaSourceCollector(source, bindings, _channel.Writer, TimeProvider.System, NullLoggerFactory.Instance, reconnect);
        _reader = ReadAsync();
    }

    public SourceConfig Source { get; }

    public OpcUaSourceCollector Collector { get; }

    public IReadOnlyList<IngestMessage> Received => [.. _received];

    public IReadOnlyList<SampleBatch> Batches => Received.Where(m => m.Batch is not null).Select(m => m.Batch!).ToList();

    public IReadOnlyList<StatusEvent> StatusEvents => Received.Where(m => m.Status is not null).Select(m => m.Status!).ToList();

    /// <summary>Every sample of one tag, in arrival order.</summary>
    public IReadOnlyList<Sample> SamplesOf(string tag) => Batches.SelectMany(b => b.Samples).Where(s => s.Key.Tag == tag).ToList();

    public static SourceConfig SourceAt(string endpointUrl, int pollMs = 200, bool polling = false) => new()
    {
        Id = "opc",
        Protocol = SourceProtocol.OpcUa,
        EndpointUrl = endpointUrl,
        PollIntervalMs = pollMs,
        RequestTimeoutMs = 5000,
        Polling = polling,
    };

    public static TagConfig NodeTag(string nodeId, double scale = 1, double offset = 0, double deadband = 0) =>
        new() { NodeId = nodeId, Scale = scale, Offset = offset, Deadband = deadband };

    public static TagConfig PathTag(string browsePath) => new() { BrowsePath = browsePath };

    /// <summary>A running rig over <paramref name="tags"/> (name → config).</summary>
    public static OpcUaCollectorRig Start(SourceConfig source, IReadOnlyList<(string Name, TagConfig Tag)> tags, OpcUaReconnectOptions? reconnect = null, int channelCapacity = 100_000)
    {
        var bindings = tags.Select((t, i) =>
        {
            t.Tag.Name = t.Name;
            return new OpcUaTagBinding(new TagKey(EquipmentId, t.Name), t.Tag, i);
        }).ToList();
        return StartBound(source, bindings, reconnect, channelCapacity);
    }

    /// <summary>A running rig over bindings made elsewhere (e.g. from a whole configuration).</summary>
    public static OpcUaCollectorRig StartBound(SourceConfig source, IReadOnlyList<OpcUaTagBinding> bindings, OpcUaReconnectOptions? reconnect = null, int channelCapacity = 100_000)
    {
        var rig = new OpcUaCollectorRig(
            source,
            bindings,
            reconnect ?? new OpcUaReconnectOptions { FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), KeepAliveInterval = TimeSpan.FromSeconds(1) },
            channelCapacity);
        rig._run = rig.Collector.RunAsync(rig._stop.Token);
        return rig;
    }

    /// <summary>Waits until the collector reported online and <paramref name="condition"/> holds.</summary>
    public Task WaitAsync(Func<OpcUaCollectorRig, bool> condition, string what, int seconds = 30) =>
        Eventually.TrueAsync(() => condition(this), TimeSpan.FromSeconds(seconds), what + " — status: " + string.Join("; ", StatusEvents));

    /// <summary>Stops taking messages from ingest, as a stalled recorder would: once the channel is full the collector waits.</summary>
    public Task PauseIngestAsync() => _flowing.WaitAsync();

    /// <summary>Takes messages again.</summary>
    public void ResumeIngest() => _flowing.Release();

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var message in _channel.Reader.ReadAllAsync(_stop.Token))
            {
                await _flowing.WaitAsync(_stop.Token);
                _flowing.Release();
                _received.Enqueue(message);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>Stops the timer, then disposes the collector (which closes its session).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        await Collector.DisposeAsync();
        await _reader;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
