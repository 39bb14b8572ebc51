using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.Tests.Support;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;
using static EdgeAgent.Collection.Tests.Support.CollectorRig;

namespace EdgeAgent.Collection.Tests.Modbus;

/// <summary>
/// The whole path as the agent runs it: collector on its timer → bounded channel → recorder → SQLite in a temp
/// folder, against a libmodbus host that is killed and restarted on the same port. What an auditor later reads is the
/// database, so the assertions are on the database.
/// </summary>
public class ModbusCollectionToStorageTests
{
    [Fact]
    public async Task AnOutageLandsInStorageAsStatusEventsAndFailedCyclesAndTheValuesResume()
    {
        await using var host = await LibmodbusHostFixture.StartNewAsync();
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        var channel = new IngestChannel(1000);
        var metrics = new IngestMetrics();
        var live = new LiveState();
        var recorder = Pipeline.NewRecorder(channel, new SqliteIngestSink(storage), metrics, live);
        await recorder.StartAsync(CancellationToken.None);
        var started = DateTime.UtcNow;
        try
        {
            await using (var rig = Create(
                SourceAt(host.Port, pollMs: 100),
                [("state", Tag(TagTable.Holding, 100, TagType.UInt16)), ("count", Tag(TagTable.Input, 102, TagType.UInt32))],
                channel: channel))
            {
                rig.Start();
                await Eventually.TrueAsync(() => live.Sources.TryGetValue("src", out var s) && s.Online && s.GoodCycles >= 3, TimeSpan.FromSeconds(20), "online with good cycles");

                host.Kill();
                await Eventually.TrueAsync(() => live.Sources["src"] is { Online: false } s && s.Cycles - s.GoodCycles >= 5, TimeSpan.FromSeconds(20), "offline with failed cycles");

                await host.RestartAsync();
                var goodBefore = live.Sources["src"].GoodCycles;
                await Eventually.TrueAsync(() => live.Sources["src"] is { Online: true } s && s.GoodCycles >= goodBefore + 3, TimeSpan.FromSeconds(20), "online again");
            }
        }
        finally
        {
            await recorder.StopAsync(CancellationToken.None);
            recorder.Dispose();
        }

        var events = storage.ReadStatusEvents(started.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal([true, false, true], events.Select(e => e.Online));
        Assert.Contains(events[1].Reason, (string[])["connection refused", "connection reset", "connection closed by device"]);

        var cycles = storage.ReadCycles(started.AddMinutes(-2), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(live.Sources["src"].Cycles, cycles.Sum(c => c.Attempts));
        Assert.Equal(live.Sources["src"].GoodCycles, cycles.Sum(c => c.Good));
        Assert.InRange(cycles.Sum(c => c.Attempts - c.Good), 5, int.MaxValue);

        // Values before and after the outage; deadband 0 stores the first value and every change (these do not change).
        var samples = storage.ReadSamples(started.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1)).ToList();
        Assert.Equal(3000, samples.First(s => s.Tag == "state").Value);
        Assert.Equal((4002u << 16) | 4003u, samples.First(s => s.Tag == "count").Value);
        Assert.All(samples, s => Assert.Equal(SampleQuality.Good, s.Quality));
        Assert.Equal(metrics.SamplesStored, samples.Count);
        Assert.Equal(0, metrics.PendingSamples);
    }
}
