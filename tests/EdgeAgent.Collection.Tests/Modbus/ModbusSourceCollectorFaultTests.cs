using EdgeAgent.Collection.Tests.Support;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using static EdgeAgent.Collection.Tests.Support.CollectorRig;

namespace EdgeAgent.Collection.Tests.Modbus;

/// <summary>
/// Device behaviour the real peers do not produce on demand, from a scripted device: refusals for reasons other than a
/// bad address in the middle of narrowing a block, and an address that becomes valid after a reconfiguration.
/// </summary>
public class ModbusSourceCollectorFaultTests
{
    private const byte IllegalDataAddress = 2;
    private const byte ServerDeviceBusy = 6;

    private static (string, TagConfig)[] Tags() =>
    [
        ("h0", Tag(TagTable.Holding, 0, TagType.UInt16)),
        ("h5", Tag(TagTable.Holding, 5, TagType.UInt16)),
        ("h10", Tag(TagTable.Holding, 10, TagType.UInt16)),
    ];

    private static bool Covers(int address, int count, int target) => address <= target && target < address + count;

    private static void AssertOneSampleEach(SampleBatch batch) =>
        Assert.Equal(["h0", "h10", "h5"], batch.Samples.Select(s => s.Key.Tag).Order(StringComparer.Ordinal));

    [Fact]
    public async Task DeviceBusyWhileNarrowingARefusedBlockCostsOneCycleNotTheCollector()
    {
        var busyOnce = 1;
        await using var device = new ScriptedModbusDevice((_, address, count) =>
            Covers(address, count, 10) ? IllegalDataAddress
            : Interlocked.Exchange(ref busyOnce, 0) == 1 ? ServerDeviceBusy
            : null);
        await using var rig = Create(SourceAt(device.Port), Tags());

        // Polls through the busy cycle (nothing good in it) to the next good one.
        var later = await rig.PollUntilGoodAsync();
        var busyCycle = rig.Batches.First(b => b.Samples.Count > 0);

        // The busy answer mid-split leaves the block's tags bad for that cycle, each exactly once, with the reason.
        AssertOneSampleEach(busyCycle);
        Assert.Contains(busyCycle.Samples, s => s.Status == "ServerDeviceBusy");
        Assert.DoesNotContain(busyCycle.Samples, s => s.Quality == SampleQuality.Good);

        // The collector went on: the next cycle narrows the block again and reads the valid tags.
        Assert.NotSame(busyCycle, later);
        AssertOneSampleEach(later);
        var v = later.Samples.ToDictionary(s => s.Key.Tag);
        Assert.Equal(1000, v["h0"].Value);
        Assert.Equal(1005, v["h5"].Value);
        Assert.Equal("IllegalDataAddress", v["h10"].Status);
        Assert.DoesNotContain(rig.CollectorLog.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task AnAddressThatBecomesValidIsFoundByTheProbeAndReadAgain()
    {
        var tenIsBad = true;
        await using var device = new ScriptedModbusDevice((_, address, count) => Volatile.Read(ref tenIsBad) && Covers(address, count, 10) ? IllegalDataAddress : null);
        await using var rig = Create(SourceAt(device.Port), Tags());
        var learned = await rig.PollUntilGoodAsync();
        Assert.Equal("IllegalDataAddress", learned.Samples.Single(s => s.Key.Tag == "h10").Status);

        // The device is reconfigured: address 10 exists now. The planner probes excluded items every 100 cycles.
        Volatile.Write(ref tenIsBad, false);
        SampleBatch? found = null;
        for (var cycle = 0; cycle < 110 && found is null; cycle++)
        {
            var batch = await rig.PollAsync();
            AssertOneSampleEach(batch);
            if (batch.Samples.Single(s => s.Key.Tag == "h10").Quality == SampleQuality.Good)
            {
                found = batch;
            }
        }

        Assert.NotNull(found);
        Assert.Equal(1010, found.Samples.Single(s => s.Key.Tag == "h10").Value);

        // From then on the tags are coalesced into one request again.
        var mark = device.Requests.Count;
        var again = await rig.PollAsync();
        Assert.Equal([(3, 0, 11, (byte?)null)], device.Requests.Skip(mark).Select(r => ((int)r.FunctionCode, r.Address, r.Count, r.Exception)));
        Assert.All(again.Samples, s => Assert.Equal(SampleQuality.Good, s.Quality));
    }

    [Fact]
    public async Task AGatewayWhoseDeviceDoesNotRespondMarksTheSourceOfflineUntilItAnswersAgain()
    {
        const byte GatewayTargetFailedToRespond = 0x0B;
        var deviceDead = false;
        await using var device = new ScriptedModbusDevice((_, _, _) => Volatile.Read(ref deviceDead) ? GatewayTargetFailedToRespond : null);
        await using var rig = Create(SourceAt(device.Port), Tags());
        await rig.PollUntilGoodAsync();

        Volatile.Write(ref deviceDead, true);
        var dead = await rig.PollAsync();
        Volatile.Write(ref deviceDead, false);
        var back = await rig.PollAsync();

        Assert.False(dead.CycleGood);
        Assert.All(dead.Samples, s => Assert.Equal("GatewayTargetFailedToRespond", s.Status));
        Assert.True(back.CycleGood);
        Assert.Equal(
            [(true, "connected"), (false, "exception GatewayTargetFailedToRespond"), (true, "connected")],
            rig.StatusEvents.Select(e => (e.Online, e.Reason)));
    }

    [Fact]
    public async Task DisposeStopsAReconnectLoopNobodyCancelled()
    {
        await using var rig = Create(SourceAt(FreeTcpPort.Find()), Tags());

        // A cycle started without a cancellation token leaves the backoff loop running against a dead port.
        await rig.Collector.PollOnceAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => rig.StatusEvents.Any(e => !e.Online), TimeSpan.FromSeconds(10), "offline reported");

        await rig.Collector.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
