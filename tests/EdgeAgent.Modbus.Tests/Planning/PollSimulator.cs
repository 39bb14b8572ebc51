using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Modbus.Tests.Planning;

/// <summary>What a collector does with a plan each cycle, against a <see cref="FakeDevice"/> instead of a socket.</summary>
internal static class PollSimulator
{
    public sealed record CycleResult(IReadOnlySet<int> ItemsRead, int RequestsSent, int Refusals, int LargestSplitProbes);

    public static CycleResult Cycle(ModbusPlan plan, ModbusPlanState state, FakeDevice device)
    {
        var read = new HashSet<int>();
        var sent = 0;
        var refusals = 0;
        var largestSplit = 0;
        foreach (var request in plan.Requests)
        {
            sent++;
            if (device.Accepts(request))
            {
                Read(request, read);
                continue;
            }

            refusals++;
            var split = ModbusPlanner.Split(request);
            while (split.Current is { } probe)
            {
                sent++;
                var accepted = device.Accepts(probe);
                if (accepted)
                {
                    Read(probe, read);
                }
                else
                {
                    refusals++;
                }

                split.Report(accepted);
            }

            largestSplit = Math.Max(largestSplit, split.ProbeCount);
            state.Learn(split);
        }

        return new CycleResult(read, sent, refusals, largestSplit);
    }

    private static void Read(ModbusReadRequest request, HashSet<int> read)
    {
        foreach (var slice in request.Slices)
        {
            read.Add(slice.ItemIndex);
        }
    }
}
