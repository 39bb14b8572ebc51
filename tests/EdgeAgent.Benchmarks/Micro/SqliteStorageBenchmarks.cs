using BenchmarkDotNet.Attributes;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;

namespace EdgeAgent.Benchmarks.Micro;

/// <summary>
/// One recorder transaction of 5,000 samples (the default batch) over 975 tags into a WAL database, per sample.
/// The same batch is written again each time, so the database grows as it does in service.
/// </summary>
[Config(typeof(MicroBenchmarkConfig))]
public class SqliteStorageBenchmarks
{
    private const int BatchSize = 5000;
    private readonly List<Sample> _batch = new(BatchSize);
    private string _folder = "";
    private SqliteStorage? _storage;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"edgeagent-bdn-{Environment.ProcessId}");
        _storage = new SqliteStorage(_folder);
        var keys = Enumerable.Range(0, 975).Select(i => new TagKey("eq-dev0001", $"r{i:D5}")).ToArray();
        var time = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < BatchSize; i++)
        {
            _batch.Add(new Sample(keys[i % keys.Length], time.AddSeconds(i / keys.Length), i, null, SampleQuality.Good));
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
