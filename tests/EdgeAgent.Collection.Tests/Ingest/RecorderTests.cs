using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.Tests.Support;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;

namespace EdgeAgent.Collection.Tests.Ingest;

/// <summary>The recorder between the ingest channel and a real SQLite database in a temp folder.</summary>
public sealed class RecorderTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TagKey Speed = new("cnc-1", "speed");
    private static readonly TagKey Program = new("cnc-1", "program");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IngestMessage Batch(string source, DateTime at, bool good, params Sample[] samples) =>
        IngestMessage.Of(new SampleBatch(source, at, samples, good));

    private static Sample Value(TagKey key, DateTime at, double value) => new(key, at, value, null, SampleQuality.Good);

    private static List<StoredSample> All(SqliteStorage storage) => storage.ReadSamples(T0.AddDays(-1), T0.AddDays(1)).ToList();

    /// <summary>Samples for <paramref name="tags"/> tags per cycle, every value distinct, one cycle per second.</summary>
    private static List<IngestMessage> Cycles(int cycles, int tags) =>
        Enumerable.Range(0, cycles).Select(c => Batch(
            "src",
            T0.AddSeconds(c),
            true,
            Enumerable.Range(0, tags).Select(t => Value(new TagKey("eq", $"t{t}"), T0.AddSeconds(c), (c * 1000) + t)).ToArray())).ToList();

    [Fact]
    public async Task DeadbandAndHeartbeatAreAppliedBeforeStorage()
    {
        using var storage = new SqliteStorage(_folder.Path);
        var bad = new Sample(Speed, T0.AddSeconds(90), double.NaN, null, SampleQuality.Bad, "IllegalDataAddress");
        IngestMessage[] messages =
        [
            Batch("src", T0, true, Value(Speed, T0, 100), new Sample(Program, T0, double.NaN, "O1000", SampleQuality.Good)),
            Batch("src", T0.AddSeconds(10), true, Value(Speed, T0.AddSeconds(10), 103), new Sample(Program, T0.AddSeconds(10), double.NaN, "O1000", SampleQuality.Good)),
            Batch("src", T0.AddSeconds(20), true, Value(Speed, T0.AddSeconds(20), 106), new Sample(Program, T0.AddSeconds(20), double.NaN, "O1001", SampleQuality.Good)),
            Batch("src", T0.AddSeconds(30), true, Value(Speed, T0.AddSeconds(30), 107)),
            Batch("src", T0.AddSeconds(80), true, Value(Speed, T0.AddSeconds(80), 107)),
            Batch("src", T0.AddSeconds(90), true, bad),
            Batch("src", T0.AddSeconds(100), true, bad with { TimestampUtc = T0.AddSeconds(100) }),
            Batch("src", T0.AddSeconds(110), true, Value(Speed, T0.AddSeconds(110), 107)),
        ];

        await Pipeline.StoreAsync(messages, storage, deadband: k => k == Speed ? 5 : 0, heartbeat: TimeSpan.FromSeconds(60));

        var stored = All(storage);
        // 103 and 107 stay inside the band of 5; 107 at 80 s is the heartbeat (60 s after 106); quality changes always count.
        Assert.Equal([0d, 20, 80, 90, 110], stored.Where(s => s.Tag == "speed").Select(s => (s.TimestampUtc - T0).TotalSeconds));
        Assert.Equal([100d, 106, 107, double.NaN, 107], stored.Where(s => s.Tag == "speed").Select(s => s.Value));
        Assert.Equal(SampleQuality.Bad, stored.Single(s => s.Tag == "speed" && s.TimestampUtc == T0.AddSeconds(90)).Quality);
        Assert.Equal(["O1000", "O1001"], stored.Where(s => s.Tag == "program").Select(s => s.Text));
    }

    [Fact]
    public async Task CyclesAreCountedPerSourceAndMinuteAndAddUpAcrossWrites()
    {
        using var storage = new SqliteStorage(_folder.Path);
        var minute = T0;
        await Pipeline.StoreAsync(
            [
                Batch("a", minute.AddSeconds(5), true),
                Batch("a", minute.AddSeconds(30), false),
                Batch("b", minute.AddSeconds(40), true),
                Batch("a", minute.AddSeconds(70), true),
            ],
            storage);
        await Pipeline.StoreAsync([Batch("a", minute.AddSeconds(80), false), Batch("a", minute.AddSeconds(119.999), true)], storage);

        var cycles = storage.ReadCycles(T0.AddHours(-1), T0.AddHours(1));
        Assert.Equal(
            [new CycleCount("a", minute, 2, 1), new CycleCount("b", minute, 1, 1), new CycleCount("a", minute.AddMinutes(1), 3, 2)],
            cycles);
    }

    [Fact]
    public async Task FullDiskKeepsTheDataInMemoryAndStoresAllOfItOnceOnceSpaceReturns()
    {
        using var storage = new SqliteStorage(_folder.Path);
        await storage.WriteAsync([Value(Speed, T0.AddDays(-1), 1)], [], []);
        storage.SetMaxPageCount(PageCount(storage));

        var channel = new IngestChannel(10_000);
        var metrics = new IngestMetrics();
        var recorder = Pipeline.NewRecorder(channel, new SqliteIngestSink(storage), metrics);
        await recorder.StartAsync(CancellationToken.None);
        try
        {
            var messages = Cycles(200, 20);
            messages.Add(IngestMessage.Of(new StatusEvent("src", T0.AddSeconds(1), false, "timeout")));
            foreach (var message in messages)
            {
                await channel.Writer.WriteAsync(message);
            }

            await Eventually.TrueAsync(() => metrics.FlushFailures >= 2 && metrics.PendingSamples > 0, TimeSpan.FromSeconds(20), "failed writes reported");
            Assert.Contains("full", metrics.LastStorageError, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, metrics.SamplesStored);
            Assert.Single(All(storage));

            storage.SetMaxPageCount(1_000_000);
            await Eventually.TrueAsync(() => metrics.SamplesStored == 4000 && metrics.PendingSamples == 0, TimeSpan.FromSeconds(20), "everything stored after space returns");
            Assert.Null(metrics.LastStorageError);
        }
        finally
        {
            await recorder.StopAsync(CancellationToken.None);
            recorder.Dispose();
        }

        var stored = All(storage).Where(s => s.EquipmentId == "eq").ToList();
        Assert.Equal(4000, stored.Count);
        Assert.Equal(4000, stored.Select(s => (s.Tag, s.TimestampUtc)).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 200).Sum(c => Enumerable.Range(0, 20).Sum(t => (c * 1000d) + t)), stored.Sum(s => s.Value));
        Assert.Single(storage.ReadStatusEvents(T0, T0.AddHours(1)));
        Assert.Equal([new CycleCount("src", T0, 60, 60), new CycleCount("src", T0.AddMinutes(1), 60, 60), new CycleCount("src", T0.AddMinutes(2), 60, 60), new CycleCount("src", T0.AddMinutes(3), 20, 20)],
            storage.ReadCycles(T0, T0.AddHours(1)));
    }

    [Fact]
    public async Task SlowStorageFillsTheBoundedChannelAndTheCollectorWaitsInsteadOfDropping()
    {
        var sink = new GatedSink();
        var channel = new IngestChannel(capacity: 8);
        var recorder = Pipeline.NewRecorder(channel, sink, batchSize: 1);
        await recorder.StartAsync(CancellationToken.None);
        var messages = Cycles(50, 1);
        var written = 0;
        var writer = Task.Run(async () =>
        {
            foreach (var message in messages)
            {
                await channel.Writer.WriteAsync(message);
                Interlocked.Increment(ref written);
            }
        });

        try
        {
            await Eventually.TrueAsync(() => sink.Waiting && channel.Count == channel.Capacity, TimeSpan.FromSeconds(10), "sink blocked and channel full");

            // The writer is held at the channel: one cycle in the sink, eight in the channel, the rest not yet handed over.
            Assert.False(writer.IsCompleted);
            Assert.InRange(Volatile.Read(ref written), channel.Capacity, channel.Capacity + 2);

            sink.Open();
            await writer.WaitAsync(TimeSpan.FromSeconds(20));
            await Eventually.TrueAsync(() => sink.Samples.Count == 50, TimeSpan.FromSeconds(20), "all samples written");
        }
        finally
        {
            sink.Open();
            await recorder.StopAsync(CancellationToken.None);
            recorder.Dispose();
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(c => c * 1000d), sink.Samples.Select(s => s.Value));
    }

    [Fact]
    public async Task ShutdownDrainsWhatTheCollectorsHandedOver()
    {
        using var storage = new SqliteStorage(_folder.Path);
        var sink = new GatedSink(new SqliteIngestSink(storage), gateFirstWriteOnly: true);
        var channel = new IngestChannel(1000);
        var recorder = Pipeline.NewRecorder(channel, sink, batchSize: 10);
        await recorder.StartAsync(CancellationToken.None);
        foreach (var message in Cycles(100, 1))
        {
            await channel.Writer.WriteAsync(message);
        }

        // The first write hangs (as a slow disk would) while 90 cycles wait in the channel; then the host stops.
        await Eventually.TrueAsync(() => sink.Waiting, TimeSpan.FromSeconds(10), "first write in progress");
        Assert.True(channel.Count >= 80);
        await recorder.StopAsync(CancellationToken.None);
        recorder.Dispose();

        var stored = All(storage);
        Assert.Equal(Enumerable.Range(0, 100).Select(c => c * 1000d), stored.Select(s => s.Value));
        Assert.Equal(100, storage.ReadCycles(T0, T0.AddHours(1)).Sum(c => c.Attempts));
    }

    [Fact]
    public async Task StopRightAfterStartStillStoresWhatWasHandedOver()
    {
        // On .NET 10 a BackgroundService stopped before its ExecuteAsync ran never runs it: the recorder must drain anyway.
        using var storage = new SqliteStorage(_folder.Path);
        for (var round = 0; round < 20; round++)
        {
            var channel = new IngestChannel();
            var recorder = Pipeline.NewRecorder(channel, new SqliteIngestSink(storage));
            await channel.Writer.WriteAsync(Cycles(1, 1)[0]);
            await recorder.StartAsync(CancellationToken.None);
            await recorder.StopAsync(CancellationToken.None);
            recorder.Dispose();
        }

        Assert.Equal(20, storage.ReadCycles(T0, T0.AddHours(1)).Sum(c => c.Attempts));
    }

    [Fact]
    public async Task LiveStateFollowsCyclesAndTransitions()
    {
        using var storage = new SqliteStorage(_folder.Path);
        var live = new LiveState();
        var channel = new IngestChannel();
        var recorder = Pipeline.NewRecorder(channel, new SqliteIngestSink(storage), live: live);
        await recorder.StartAsync(CancellationToken.None);
        await channel.Writer.WriteAsync(IngestMessage.Of(new StatusEvent("src", T0, true, "connected")));
        await channel.Writer.WriteAsync(Batch("src", T0, true, Value(Speed, T0, 42)));
        await channel.Writer.WriteAsync(IngestMessage.Of(new StatusEvent("src", T0.AddSeconds(1), false, "timeout")));
        await channel.Writer.WriteAsync(Batch("src", T0.AddSeconds(1), false));
        await Eventually.TrueAsync(() => live.Sources.TryGetValue("src", out var s) && s.Cycles == 2, TimeSpan.FromSeconds(10), "two cycles applied");
        await recorder.StopAsync(CancellationToken.None);
        recorder.Dispose();

        var state = live.Sources["src"];
        Assert.False(state.Online);
        Assert.Equal("timeout", state.Reason);
        Assert.Equal(T0, state.LastSeenUtc);
        Assert.Equal(1, state.GoodCycles);
        Assert.Equal(42, live.LastValues[Speed].Value);
    }

    private static long PageCount(SqliteStorage storage)
    {
        using var connection = storage.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return (long)command.ExecuteScalar()!;
    }
}
