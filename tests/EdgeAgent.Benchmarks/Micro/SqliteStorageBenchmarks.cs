using BenchmarkDotNet.Attributes;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;

namespace EdgeAgent.Benchmarks.Micro;

/// <summary>One recorder transaction: 5,000 samples (the default batch) of 975 tags into a growing WAL database.</summary>
[Config(typeof(MicroBenchmarkConfig))]
public class SqliteStorageBenchmarks
{
    private const int BatchSize = 5000;
    private readonly List<Sample> _batch = new(BatchSize);
    private string _folder = "";
    private SqliteStorage? _storage;
    private TagKey[] _keys = [];
    private DateTime _time = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"edgeagent-bdn-{Environment.ProcessId}");
        _storage = new SqliteStorage(_folder);
        _keys = [.. Enumerable.Range(0, 975).Select(i => new TagKey("eq-dev0001", $"r{i:D5}"))];
    }

    [IterationSetup]
    public void NextBatch()
    {
        _batch.Clear();
        for (var i = 0; i < BatchSize; i++)
        {
            if (i % _keys.Length == 0)
            {
                _time = _time.AddSeconds(1);
            }

            _batch.Add(new Sample(_keys[i % _keys.Length], _time, i, null, SampleQuality.Good));
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public Task WriteBatch() => _storage!.WriteAsync(_batch, [], []);

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
