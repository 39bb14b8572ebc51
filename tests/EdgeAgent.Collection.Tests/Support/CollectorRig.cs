using System.Collections.Concurrent;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.Modbus;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Modbus;

namespace EdgeAgent.Collection.Tests.Support;

/// <summary>
/// One <see cref="ModbusSourceCollector"/> with a real <see cref="ModbusTcpClient"/> against a real server, and a reader
/// that keeps everything the collector hands to ingest. Drive it cycle by cycle (<see cref="PollAsync"/>) or let it run
/// on its own timer (<see cref="Start"/>).
/// </summary>
internal sealed class CollectorRig : IAsyncDisposable
{
    public const string EquipmentId = "eq";

    private readonly ConcurrentQueue<IngestMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;
    private Task? _reader;

    private CollectorRig(SourceConfig source, IReadOnlyList<ModbusTagBinding> bindings, ModbusReconnectOptions reconnect, IngestChannel channel)
    {
        Source = source;
        Channel = channel;
        Client = new ModbusTcpClient(
            new ModbusTcpClientOptions
            {
                Host = source.Host,
                Port = source.Port,
                UnitId = (byte)source.UnitId,
                RequestTimeout = TimeSpan.FromMilliseconds(source.RequestTimeoutMs),
                ConnectTimeout = TimeSpan.FromMilliseconds(Math.Max(source.RequestTimeoutMs, 1000)),
            },
            ClientLog);
        Collector = new ModbusSourceCollector(source, bindings, Client, channel.Writer, TimeProvider.System, CollectorLog, reconnect);
    }

    public SourceConfig Source { get; }

    public IngestChannel Channel { get; }

    public ModbusTcpClient Client { get; }

    public ModbusSourceCollector Collector { get; }

    public ListLogger<ModbusTcpClient> ClientLog { get; } = new();

    public ListLogger<ModbusSourceCollector> CollectorLog { get; } = new();

    /// <summary>Everything the collector handed to ingest so far (when the rig reads the channel itself).</summary>
    public IReadOnlyList<IngestMessage> Received => [.. _received];

    public IReadOnlyList<SampleBatch> Batches => Received.Where(m => m.Batch is not null).Select(m => m.Batch!).ToList();

    public IReadOnlyList<StatusEvent> StatusEvents => Received.Where(m => m.Status is not null).Select(m => m.Status!).ToList();

    public static SourceConfig SourceAt(int port, int pollMs = 100, int timeoutMs = 1000, int maxGap = 10) => new()
    {
        Id = "src",
        Host = "127.0.0.1",
        Port = port,
        PollIntervalMs = pollMs,
        RequestTimeoutMs = timeoutMs,
        MaxGap = maxGap,
    };

    public static TagConfig Tag(TagTable table, int address, TagType type, Endianness byteOrder = Endianness.Big, Endianness wordOrder = Endianness.Big, double scale = 1, double offset = 0) => new()
    {
        Table = table,
        Address = address,
        Type = type,
        ByteOrder = byteOrder,
        WordOrder = wordOrder,
        Scale = scale,
        Offset = offset,
    };

    /// <summary>
    /// A rig over <paramref name="tags"/> (name → config). With <paramref name="channel"/> given the caller reads it
    /// (e.g. a recorder); otherwise the rig keeps what arrives in <see cref="Received"/>.
    /// </summary>
    public static CollectorRig Create(SourceConfig source, IReadOnlyList<(string Name, TagConfig Tag)> tags, ModbusReconnectOptions? reconnect = null, IngestChannel? channel = null)
    {
        var bindings = tags.Select((t, i) =>
        {
            t.Tag.Name = t.Name;
            return new ModbusTagBinding(new TagKey(EquipmentId, t.Name), t.Tag, i);
        }).ToList();
        var rig = new CollectorRig(
            source,
            bindings,
            reconnect ?? new ModbusReconnectOptions { FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
            channel ?? new IngestChannel(100_000));
        if (channel is null)
        {
            rig._reader = rig.ReadAsync();
        }

        return rig;
    }

    /// <summary>Runs the collector on its poll timer until disposed.</summary>
    public void Start() => _run = Collector.RunAsync(_stop.Token);

    /// <summary>One poll cycle; returns the batch it produced (needs the rig to read the channel).</summary>
    public async Task<SampleBatch> PollAsync()
    {
        var before = Batches.Count;
        await Collector.PollOnceAsync(_stop.Token);
        await Eventually.TrueAsync(() => Batches.Count > before, TimeSpan.FromSeconds(5), "the cycle's batch reaches the reader");
        return Batches[before];
    }

    /// <summary>Polls until a cycle delivers good data (the first cycles only start the background connect).</summary>
    public async Task<SampleBatch> PollUntilGoodAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var batch = await PollAsync();
            if (batch.CycleGood)
            {
                return batch;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No good cycle: " + string.Join("; ", StatusEvents));
            }

            await Task.Delay(20);
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var message in Channel.Reader.ReadAllAsync(_stop.Token))
            {
                _received.Enqueue(message);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
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
        if (_reader is not null)
        {
            await _reader;
        }

        _stop.Dispose();
    }
}
