using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Modbus.Tests.Planning;

public class ModbusSplitTests
{
    private static readonly ModbusTable Hr = ModbusTable.HoldingRegister;

    private static FakeDevice Device(int[]? unmapped = null, int[]? boundaries = null) => new(
        (unmapped ?? []).Select(a => (Hr, a)).ToHashSet(),
        (boundaries ?? []).Select(a => (Hr, a)).ToHashSet());

    private static (HashSet<int> Read, ModbusSplit Split) Drive(ModbusReadRequest rejected, FakeDevice device)
    {
        var read = new HashSet<int>();
        var split = ModbusPlanner.Split(rejected);
        while (split.Current is { } probe)
        {
            var accepted = device.Accepts(probe);
            if (accepted)
            {
                read.UnionWith(probe.Slices.Select(s => s.ItemIndex));
            }

            split.Report(accepted);
        }

        return (read, split);
    }

    [Fact]
    public void BadItemIsFoundAndEveryOtherItemIsStillRead()
    {
        var items = Enumerable.Range(0, 8).Select(i => new ModbusReadItem(Hr, i * 2, 2, i)).ToArray();
        var request = Assert.Single(new ModbusPlanner().Plan(items).Requests);

        var (read, split) = Drive(request, Device(unmapped: [9]));

        Assert.Equal([0, 1, 2, 3, 5, 6, 7], read.Order());
        Assert.Equal([4], split.BadItems);
        Assert.Equal([new ModbusAddressRange(Hr, 8, 2)], split.BadRanges);
        Assert.InRange(split.ProbeCount, 1, 6);
    }

    [Fact]
    public void UnmappedHoleBetweenItemsIsLearnedSoLaterPlansDoNotBridgeIt()
    {
        var items = new[] { new ModbusReadItem(Hr, 0, 2, 0), new ModbusReadItem(Hr, 5, 2, 1) };
        var planner = new ModbusPlanner(new ModbusPlanOptions { MaxRegisterGap = 5 });
        var state = new ModbusPlanState();
        var device = Device(unmapped: [3]);

        var (read, split) = Drive(Assert.Single(planner.Plan(items, state).Requests), device);
        state.Learn(split);
        var replanned = planner.Plan(items, state);

        Assert.Equal([0, 1], read.Order());
        Assert.Empty(split.BadItems);
        Assert.Equal([new ModbusAddressRange(Hr, 1, 5)], split.BadRanges);
        Assert.Equal([(0, 2), (5, 2)], replanned.Requests.Select(r => (r.Start, r.Count)));
        Assert.All(replanned.Requests, r => Assert.True(device.Accepts(r)));
        Assert.Empty(replanned.Excluded);
    }

    [Fact]
    public void BlockBoundaryBetweenAdjacentItemsIsLearned()
    {
        var items = new[] { new ModbusReadItem(Hr, 98, 2, 0), new ModbusReadItem(Hr, 100, 2, 1) };
        var state = new ModbusPlanState();
        var device = Device(boundaries: [100]);

        var (read, split) = Drive(Assert.Single(new ModbusPlanner().Plan(items).Requests), device);
        state.Learn(split);

        Assert.Equal([0, 1], read.Order());
        Assert.Equal([new ModbusAddressRange(Hr, 99, 2)], split.BadRanges);
        Assert.Equal(2, new ModbusPlanner().Plan(items, state).Requests.Count);
    }

    [Fact]
    public void RefusedSingleItemIsBadWithoutFurtherProbes()
    {
        var request = new ModbusReadRequest(Hr, 10, 2, [new ModbusItemSlice(3, 0, 2), new ModbusItemSlice(4, 0, 2)]);

        var split = ModbusPlanner.Split(request);

        Assert.True(split.IsComplete);
        Assert.Equal(0, split.ProbeCount);
        Assert.Equal([3, 4], split.BadItems);
        Assert.Equal([new ModbusAddressRange(Hr, 10, 2)], split.BadRanges);
    }

    [Fact]
    public void ItemInsideALargerBadItemIsStillRead()
    {
        // The large item's range is refused as a whole; the small one inside it is fine on its own.
        var items = new[] { new ModbusReadItem(Hr, 0, 10, 0), new ModbusReadItem(Hr, 2, 2, 1) };
        var request = Assert.Single(new ModbusPlanner().Plan(items).Requests);

        var (read, split) = Drive(request, Device(unmapped: [8]));

        Assert.Equal([1], read);
        Assert.Equal([0], split.BadItems);
    }

    [Fact]
    public void ReadPastTheLastItemIsCheckedFirst()
    {
        // A hand-made request reading beyond its only item: the item is read alone and the tail is learned.
        var request = new ModbusReadRequest(Hr, 0, 10, [new ModbusItemSlice(1, 0, 5)]);

        var (read, split) = Drive(request, Device(unmapped: [8]));

        Assert.Equal([1], read);
        Assert.Equal(1, split.ProbeCount);
        Assert.Equal([new ModbusAddressRange(Hr, 4, 6)], split.BadRanges);
    }

    [Fact]
    public void ReportingAfterCompletionIsAnError()
    {
        var split = ModbusPlanner.Split(new ModbusReadRequest(Hr, 0, 1, [new ModbusItemSlice(0, 0, 1)]));

        Assert.Throws<InvalidOperationException>(() => split.Report(accepted: true));
    }

    [Fact]
    public void CollectorConvergesToAPlanTheDeviceAcceptsAndNeverLosesAGoodItem()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed);
            var tables = new[] { ModbusTable.HoldingRegister, ModbusTable.Coil };
            var items = Enumerable.Range(0, random.Next(1, 40))
                .Select(i => new ModbusReadItem(tables[random.Next(2)], random.Next(0, 200), random.Next(1, 7), i))
                .ToArray();
            var device = new FakeDevice(
                Enumerable.Range(0, random.Next(0, 6)).Select(_ => (tables[random.Next(2)], random.Next(0, 210))).ToHashSet(),
                Enumerable.Range(0, random.Next(0, 4)).Select(_ => (tables[random.Next(2)], random.Next(1, 210))).ToHashSet());
            var planner = new ModbusPlanner(new ModbusPlanOptions
            {
                MaxRegistersPerRequest = random.Next(8, 40), MaxRegisterGap = random.Next(0, 9),
                MaxBitsPerRequest = random.Next(8, 40), MaxBitGap = random.Next(0, 9),
            });
            var good = items.Where(device.Accepts).Select(i => i.Index).ToHashSet();
            var state = new ModbusPlanState();
            var plan = planner.Plan(items, state);
            var calm = 0;
            for (var cycle = 0; cycle < items.Length + 3 && calm < 2; cycle++)
            {
                if (plan.StateVersion != state.Version)
                {
                    plan = planner.Plan(items, state);
                }

                var result = PollSimulator.Cycle(plan, state, device);

                Assert.True(result.ItemsRead.SetEquals(good), $"seed {seed} cycle {cycle}: read {result.ItemsRead.Count} of {good.Count} good items");
                Assert.True(result.LargestSplitProbes <= 2 * items.Length, $"seed {seed}: {result.LargestSplitProbes} probes");
                calm = result.Refusals == 0 ? calm + 1 : 0;
            }

            Assert.True(calm == 2, $"seed {seed}: still refused after {items.Length + 3} cycles");
            Assert.Equal(items.Where(i => !good.Contains(i.Index)).Select(i => i.Index).Order(), plan.Excluded.Select(i => i.Index).Order());
        }
    }

    [Fact]
    public void ExcludedItemComesBackWhenItsProbeSucceeds()
    {
        var items = Enumerable.Range(0, 4).Select(i => new ModbusReadItem(Hr, i * 2, 2, i)).ToArray();
        var planner = new ModbusPlanner(new ModbusPlanOptions { ProbeExcludedEveryCycles = 10 });
        var state = new ModbusPlanState();
        PollSimulator.Cycle(planner.Plan(items, state), state, Device(unmapped: [5]));
        var degraded = planner.Plan(items, state);
        var healed = FakeDevice.Healthy;

        Assert.Equal([2], degraded.Excluded.Select(i => i.Index));
        Assert.False(new ModbusPlanOptions { ProbeExcludedEveryCycles = 10 }.IsProbeDue(9));
        Assert.True(new ModbusPlanOptions { ProbeExcludedEveryCycles = 10 }.IsProbeDue(10));
        var probe = Assert.Single(degraded.ProbeExcluded());
        Assert.Equal((4, 2, 2), (probe.Start, probe.Count, Assert.Single(probe.Slices).ItemIndex));
        Assert.True(state.ReportProbe(probe, healed.Accepts(probe)));
        var recovered = planner.Plan(items, state);
        Assert.Empty(recovered.Excluded);
        Assert.Equal(4, PollSimulator.Cycle(recovered, state, healed).ItemsRead.Count);
    }
}
