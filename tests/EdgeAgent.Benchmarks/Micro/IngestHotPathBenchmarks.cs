using BenchmarkDotNet.Attributes;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Model;

namespace EdgeAgent.Benchmarks.Micro;

/// <summary>
/// The recorder's per-sample work for one device cycle of the ingest benchmark (975 tags): deadband decisions and
/// the live-state update. Each operation is one cycle; divide by 975 for the per-sample cost.
/// </summary>
[Config(typeof(MicroBenchmarkConfig))]
public class IngestHotPathBenchmarks
{
    private const int Tags = 975;
    private readonly DeadbandFilter _onChange = new(_ => 0, TimeSpan.FromMinutes(5));
    private readonly DeadbandFilter _wideBand = new(_ => 1_000_000, TimeSpan.FromMinutes(5));
    private readonly LiveState _live = new();
    private SampleBatch[] _cycles = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var keys = Enumerable.Range(0, Tags).Select(i => new TagKey("eq-dev0001", $"r{i:D5}")).ToArray();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Values move every cycle, as with the benchmark's devices.
        _cycles = [.. Enumerable.Range(0, 16).Select(c => new SampleBatch(
            "dev0001",
            start.AddSeconds(c),
            keys.Select((k, i) => new Sample(k, start.AddSeconds(c), i + c, null, SampleQuality.Good)).ToList()))];
    }

    [Benchmark(Baseline = true)]
    public int DeadbandOnChange() => Filter(_onChange);

    [Benchmark]
    public int DeadbandInsideBand() => Filter(_wideBand);

    [Benchmark]
    public void LiveStateApply() => _live.Apply(Next());

    private int Filter(DeadbandFilter filter)
    {
        var stored = 0;
        foreach (var sample in Next().Samples)
        {
            if (filter.ShouldStore(sample))
            {
                stored++;
            }
        }

        return stored;
    }

    private SampleBatch Next() => _cycles[_next++ & 15];
}
