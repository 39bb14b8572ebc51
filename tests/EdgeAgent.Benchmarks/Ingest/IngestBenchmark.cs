using System.Diagnostics;
using System.Globalization;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.Modbus;
using EdgeAgent.Core.Model;
using EdgeAgent.Modbus;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>
/// The end-to-end Modbus ingest run: the real pipeline (one <see cref="ModbusSourceCollector"/> per device →
/// <see cref="IngestChannel"/> → <see cref="Recorder"/> → <see cref="SqliteStorage"/> in a temporary folder) against
/// devices served by other processes, measured over a window after a warm-up. Only this process is measured, so the
/// device hosts' CPU does not count against the agent.
/// </summary>
public static class IngestBenchmark
{
    /// <summary>Target: the agent fits in one of the gateway's cores.</summary>
    public const double TargetCpuPerWallSecond = 1.0;

    public const long TargetPeakRssBytes = 300L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        IngestBenchmarkOptions options;
        try
        {
            options = IngestBenchmarkOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync("ingest: " + ex.Message);
            return 2;
        }

        var warnings = new WarningCounter();
        using var loggers = warnings.CreateConsoleLoggers();

        var config = BenchmarkPlant.Create(options.Ports, options.Registers, options.PollMs, options.HeartbeatSeconds);
        var dataFolder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"edgeagent-bench-{Environment.ProcessId}"));
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        var storage = new SqliteStorage(dataFolder, loggers.CreateLogger<SqliteStorage>());
        try
        {
            return await RunPipelineAsync(options, config, storage, loggers, warnings);
        }
        finally
        {
            storage.Dispose();
            if (!options.KeepData)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }

    private static async Task<int> RunPipelineAsync(
        IngestBenchmarkOptions options, Core.Configuration.AgentConfig config, SqliteStorage storage, ILoggerFactory loggers, WarningCounter warnings)
    {
        // Composed by hand, exactly as AddIngest/AddSqliteIngestSink/ModbusCollectionService wire it, so the clients can be
        // wrapped in a request counter and the channel writer in a depth gauge.
        var channel = new IngestChannel();
        var writer = new MeasuringWriter(channel);
        var live = new LiveState();
        var metrics = new IngestMetrics();
        var deadbands = config.Equipment
            .SelectMany(e => e.Tags.Select(t => (Key: new TagKey(e.Id, t.Name), t.Deadband)))
            .ToDictionary(x => x.Key, x => x.Deadband);
        var heartbeat = TimeSpan.FromSeconds(config.Storage.HeartbeatSeconds);
        var filter = new DeadbandFilter(k => deadbands.GetValueOrDefault(k), heartbeat);
        var sink = new TimingSink(new SqliteIngestSink(storage));
        var recorder = new Recorder(
            channel,
            sink,
            live,
            metrics,
            filter,
            new RecorderOptions { BatchSize = config.Storage.BatchSize, Heartbeat = heartbeat },
            TimeProvider.System,
            loggers.CreateLogger<Recorder>());

        var counter = new RequestCounter();
        var collectorLogger = loggers.CreateLogger<ModbusSourceCollector>();
        var collectors = new List<ModbusSourceCollector>();
        var tags = 0;
        foreach (var (source, bindings) in ModbusCollectionService.Bind(config))
        {
            var client = new ModbusTcpClient(
                new ModbusTcpClientOptions
                {
                    Host = source.Host,
                    Port = source.Port,
                    UnitId = (byte)source.UnitId,
                    RequestTimeout = TimeSpan.FromMilliseconds(source.RequestTimeoutMs),
                    ConnectTimeout = TimeSpan.FromMilliseconds(Math.Max(source.RequestTimeoutMs, 1000)),
                },
                loggers.CreateLogger<ModbusTcpClient>());
            collectors.Add(new ModbusSourceCollector(
                source, bindings, new CountingModbusClient(client, counter), writer, TimeProvider.System, collectorLogger,
                new ModbusReconnectOptions { FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2) }));
            tags += bindings.Count;
        }

        var devices = collectors.Count;
        var plannedRequests = collectors.Sum(c => c.Plan.Requests.Count);
        var minimumRequests = collectors.Sum(c => c.MinimumRequests);
        var blockMinimum = devices * (long)Math.Ceiling(options.Registers / (double)ModbusLimits.MaxRegistersPerRead);
        var planErrors = collectors.Sum(c => c.Plan.Errors.Count);

        Console.WriteLine("EdgeAgent Modbus ingest benchmark");
        var wide = BenchmarkPlant.WideRegisters(options.Registers);
        Console.WriteLine(Invariant(
            $"  devices {devices} (one TCP connection each), {options.Registers} holding registers each: {options.Registers - wide} uint16 + {wide / 2} uint32/int32 tags = {tags / devices} tags/device, {tags} tags"));
        Console.WriteLine(Invariant(
            $"  poll {options.PollMs} ms, values {(options.ValuesChange ? "change on every read" : "static")}, deadband 0 (on change), heartbeat {options.HeartbeatSeconds} s, batch {config.Storage.BatchSize}, SQLite WAL in {storage.DataFolder}"));
        Console.WriteLine(Invariant($"  .NET {Environment.Version}, {Environment.ProcessorCount} cores, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load average {LoadAverage()}, {CpuPressure()}"));

        await recorder.StartAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var runs = collectors.Select(c => Task.Run(() => c.RunAsync(stop.Token))).ToList();

        var ready = Stopwatch.StartNew();
        while (!AllOnline(live, collectors.Count))
        {
            if (ready.Elapsed > TimeSpan.FromSeconds(30))
            {
                await Console.Error.WriteLineAsync(Invariant($"ingest: only {live.Sources.Values.Count(s => s.Online)} of {devices} devices came online within 30 s"));
                await StopAsync(stop, runs, collectors, recorder);
                return 1;
            }

            await Task.Delay(100);
        }

        Console.WriteLine(Invariant($"  all devices online after {ready.Elapsed.TotalSeconds:F1} s; warming up {options.WarmupSeconds:F0} s, then measuring {options.Seconds:F0} s"));
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));

        var start = Snapshot.Take(counter, writer, metrics, sink);
        var window = TimeSpan.FromSeconds(options.Seconds);
        var progress = TimeSpan.FromSeconds(10);
        var previous = start;
        var minuteRss = 0L;
        while (Stopwatch.GetElapsedTime(start.Ticks) < window)
        {
            var left = window - Stopwatch.GetElapsedTime(start.Ticks);
            await Task.Delay(left < progress ? left : progress);
            var now = Snapshot.Take(counter, writer, metrics, sink);
            var seconds = Stopwatch.GetElapsedTime(previous.Ticks, now.Ticks).TotalSeconds;
            minuteRss = Math.Max(minuteRss, ProcessMemory.ResidentBytes());
            await Console.Error.WriteLineAsync(Invariant(
                $"  .. {Stopwatch.GetElapsedTime(start.Ticks).TotalSeconds,5:F0} s: {(now.Registers - previous.Registers) / seconds,9:N0} registers/s, CPU {(now.Cpu - previous.Cpu).TotalSeconds / seconds:F2} s/s, rows {(now.SamplesStored - previous.SamplesStored) / seconds,9:N0}/s, queue {channel.Count}, RSS {ProcessMemory.ResidentBytes() / 1048576.0:F0} MB, db {FileMb(storage.DatabasePath):F0} MB + WAL {FileMb(storage.DatabasePath + "-wal"):F0} MB"));
            previous = now;
        }

        var end = Snapshot.Take(counter, writer, metrics, sink);
        var peakRss = ProcessMemory.PeakResidentBytes();
        var cycleFailuresBeforeStop = counter.Failures;

        var draining = Stopwatch.GetTimestamp();
        await StopAsync(stop, runs, collectors, recorder);
        var drain = Stopwatch.GetElapsedTime(draining);

        // After the recorder has drained: everything the collectors handed over must have reached the recorder and
        // everything the recorder counted as stored must be rows in the database.
        var dropped = writer.Samples - metrics.SamplesReceived;
        long rows;
        using (var connection = storage.OpenReader())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM samples";
            rows = (long)command.ExecuteScalar()!;
        }

        var missingRows = metrics.SamplesStored - rows;
        var wall = Stopwatch.GetElapsedTime(start.Ticks, end.Ticks).TotalSeconds;
        var cpu = (end.Cpu - start.Cpu).TotalSeconds;
        var registers = end.Registers - start.Registers;
        var requests = end.Requests - start.Requests;
        var goodCycles = end.GoodCycles - start.GoodCycles;
        var cycles = end.Cycles - start.Cycles;
        var registersPerSecond = registers / wall;
        var cpuPerWall = cpu / wall;
        var requestsPerCycle = goodCycles == 0 ? double.NaN : requests / (double)goodCycles;
        var minimumPerCycle = minimumRequests / (double)devices;
        var expectedCycles = devices * wall * 1000 / options.PollMs;
        var storedRows = end.SamplesStored - start.SamplesStored;

        Console.WriteLine();
        Console.WriteLine(Invariant($"Results over {wall:F1} s (agent process only)"));
        // Sustained means every configured register once per poll interval (1 % slack for where the window cuts a cycle).
        var offered = devices * (double)options.Registers * 1000 / options.PollMs;
        Line("registers read/s", $"{registersPerSecond:N0}", Verdict(registersPerSecond >= offered * 0.99, Invariant($"target {offered:N0} = devices x registers / poll interval")));
        Line("samples read/s", $"{(end.SamplesCollected - start.SamplesCollected) / wall:N0}", "tags decoded per second");
        // Requests are counted as they complete and cycles as they are handed over, so each device may have one cycle
        // cut by each edge of the window: allow that much, no more.
        var edgeSlack = devices * minimumPerCycle / Math.Max(goodCycles, 1);
        Line("requests per cycle", $"{requestsPerCycle:F2} per device", Verdict(
            Math.Abs(requestsPerCycle - minimumPerCycle) <= edgeSlack && plannedRequests == minimumRequests,
            Invariant($"minimum {minimumPerCycle:F2} (ModbusPlanner.MinimumRequestCount), ceil(M/125) = {blockMinimum / (double)devices:F0}, planned {plannedRequests / (double)devices:F2}; {requests:N0} requests / {goodCycles:N0} cycles")));
        Line("poll cycles", $"{cycles:N0} of {expectedCycles:N0} expected", Invariant($"{goodCycles:N0} good; {(cycles - goodCycles):N0} failed"));
        Line("CPU s per 100,000 registers", $"{cpu / (registers / 100_000.0):F3}", Invariant($"user {(end.UserCpu - start.UserCpu).TotalSeconds:F1} s + kernel {(end.KernelCpu - start.KernelCpu).TotalSeconds:F1} s in {wall:F1} s"));
        Line("CPU s per wall s", $"{cpuPerWall:F2}", Verdict(cpuPerWall <= TargetCpuPerWallSecond, "target <= 1.00 (one core)"));
        Line("peak RSS", $"{peakRss / 1048576.0:F0} MB", Verdict(peakRss <= TargetPeakRssBytes, "target <= 300 MB (VmHWM)"));
        Line("SQLite rows/s written", $"{storedRows / wall:N0}", Invariant($"{end.Flushes - start.Flushes:N0} transactions; {rows:N0} rows in total"));
        Line("recorder time in SQLite writes", Invariant($"{(end.SinkWall - start.SinkWall).TotalSeconds:F1} s of {wall:F1} s"), Invariant($"{(end.SinkCpu - start.SinkCpu).TotalSeconds:F1} s of it on CPU, the rest waiting (I/O, GC pauses, preemption)"));
        Line("database size", Invariant($"{FileMb(storage.DatabasePath):F0} MB + WAL {FileMb(storage.DatabasePath + "-wal"):F0} MB"), Invariant($"{FileMb(storage.DatabasePath) * 1048576.0 / Math.Max(rows, 1):F1} bytes per row"));
        Line("samples dropped", $"{dropped:N0}", Verdict(dropped == 0 && missingRows == 0, Invariant($"collected {writer.Samples:N0}, received by recorder {metrics.SamplesReceived:N0}, stored {metrics.SamplesStored:N0}, rows {rows:N0}")));
        Line("ingest queue max depth", $"{writer.MaxDepth:N0}", Invariant($"of {channel.Capacity:N0} messages (one message = one device cycle)"));
        Line("GC", Invariant($"{(end.AllocatedBytes - start.AllocatedBytes) / wall / 1048576.0:F1} MB/s allocated"), Invariant($"gen0 {end.Gen0 - start.Gen0}, gen1 {end.Gen1 - start.Gen1}, gen2 {end.Gen2 - start.Gen2}, pause {(end.GcPause - start.GcPause).TotalMilliseconds:F0} ms"));
        Line("load average at end", LoadAverage(), Invariant($"{CpuPressure()}; other processes compete for the same cores"));
        Line("shutdown drain", Invariant($"{drain.TotalSeconds:F1} s"), "collectors stopped, recorder stored what was queued");
        Line("read failures / log warnings", Invariant($"{cycleFailuresBeforeStop} / {warnings.Warnings + warnings.Errors}"), planErrors == 0 ? "" : Invariant($"{planErrors} plan errors"));
        return dropped == 0 && missingRows == 0 ? 0 : 1;
    }

    private static double FileMb(string path) => File.Exists(path) ? new FileInfo(path).Length / 1048576.0 : 0;

    /// <summary>Linux pressure stall information: share of the last minute in which a runnable task waited for a CPU.</summary>
    private static string CpuPressure()
    {
        const string Path = "/proc/pressure/cpu";
        if (!File.Exists(Path))
        {
            return "CPU pressure n/a";
        }

        var some = File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("some", StringComparison.Ordinal)) ?? "";
        var avg60 = some.Split(' ').FirstOrDefault(f => f.StartsWith("avg60=", StringComparison.Ordinal))?["avg60=".Length..] ?? "?";
        return $"CPU pressure {avg60} % (tasks waiting for a core, last 60 s)";
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static bool AllOnline(LiveState live, int devices) =>
        live.Sources.Count == devices && live.Sources.Values.All(s => s.Online);

    private static async Task StopAsync(CancellationTokenSource stop, List<Task> runs, List<ModbusSourceCollector> collectors, Recorder recorder)
    {
        // Flow order, as the host does: collectors first, then the recorder drains what they handed over.
        await stop.CancelAsync();
        foreach (var run in runs)
        {
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
            }
        }

        foreach (var collector in collectors)
        {
            await collector.DisposeAsync();
        }

        await recorder.StopAsync(CancellationToken.None);
        recorder.Dispose();
    }

    private static string Verdict(bool met, string detail) => (met ? "ok      " : "MISSED  ") + detail;

    private static void Line(string label, string value, string detail) =>
        Console.WriteLine(Invariant($"  {label,-30} {value,-24} {detail}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
