using BenchmarkDotNet.Attributes;
using EdgeAgent.Modbus;
using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Benchmarks.Micro;

/// <summary>Planning 10,000 items (a large device): contiguous, with gaps, and around learned bad ranges.</summary>
[Config(typeof(MicroBenchmarkConfig))]
public class ModbusPlannerBenchmarks
{
    private const int Items = 10_000;
    private readonly ModbusPlanner _planner = new();
    private List<ModbusReadItem> _contiguous = [];
    private List<ModbusReadItem> _scattered = [];
    private ModbusPlanState _badRanges = new();

    [GlobalSetup]
    public void Setup()
    {
        _contiguous = [.. Enumerable.Range(0, Items).Select(i => new ModbusReadItem(ModbusTable.HoldingRegister, i, 1, i))];

        // Mixed widths, holes of 0..30 registers (some wider than the default gap of 16), four tables, shuffled input.
        var random = new Random(42);
        var address = 0;
        var scattered = new List<ModbusReadItem>(Items);
        for (var i = 0; i < Items; i++)
        {
            var table = (ModbusTable)(i % 4);
            var width = table is ModbusTable.Coil or ModbusTable.DiscreteInput ? 1 : random.Next(4) switch { 0 => 1, 1 => 2, 2 => 2, _ => 4 };
            scattered.Add(new ModbusReadItem(table, address % 60_000, width, i));
            address += width + (random.Next(10) == 0 ? random.Next(31) : 0);
        }

        _scattered = [.. scattered.OrderBy(_ => random.Next())];

        // Learn one refused hole per 1,000 addresses, as the collector would after splitting refused blocks.
        _badRanges = new ModbusPlanState();
        var planner = new ModbusPlanner();
        foreach (var request in planner.Plan(_contiguous).Requests.Where((_, i) => i % 8 == 3))
        {
            var split = ModbusPlanner.Split(request);
            while (split.Current is { } probe)
            {
                split.Report(!(probe.Start <= request.Start + 5 && request.Start + 5 < probe.End));
            }

            _badRanges.Learn(split);
        }
    }

    [Benchmark(Baseline = true)]
    public int Contiguous() => _planner.Plan(_contiguous).Requests.Count;

    [Benchmark]
    public int ScatteredFourTables() => _planner.Plan(_scattered).Requests.Count;

    [Benchmark]
    public int AroundBadRanges() => _planner.Plan(_contiguous, _badRanges).Requests.Count;
}
