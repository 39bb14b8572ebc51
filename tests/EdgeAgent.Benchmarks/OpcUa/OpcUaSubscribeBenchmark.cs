using System.Diagnostics;
using System.Globalization;
using EdgeAgent.Benchmarks.Ingest;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.OpcUa;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Benchmarks.OpcUa;

/// <summary>
/// The <c>opcua</c> verb: one session, one subscription (publishing interval = sampling interval = 1 s, queue size 1)
/// with N monitored items on a server in another process, measured over a window after every item has reported and a
/// warm-up has passed. Only this process is measured. Either our client alone (<c>--path client</c>: each decoded
/// data change read from <see cref="OpcUaSubscription.Changes"/> and counted) or the agent's collector
/// (<c>--path collector</c>: <see cref="OpcUaSourceCollector"/> → one <see cref="SampleBatch"/> per second into an
/// <see cref="IngestChannel"/> whose samples are counted; no recorder, no SQLite).
/// </summary>
public static class OpcUaSubscribeBenchmark
{
    public const double TargetCpuPerWallSecond = 1.0;

    public const long TargetPeakRssBytes = 300L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        OpcUaBenchmarkOptions options;
        try
        {
            options = OpcUaBenchmarkOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync("opcua: " + ex.Message);
            return 2;
        }

        var warnings = new WarningCounter();
        using var loggers = warnings.CreateConsoleLoggers();

        Console.WriteLine(Invariant($"EdgeAgent OPC UA subscription benchmark ({(options.Path == "client" ? "OpcUaClient subscription, changes counted" : "OpcUaSourceCollector, samples counted")})"));
        Console.WriteLine(Invariant($"  {options.Endpoint}: {options.Items:N0} monitored items nsu={options.NamespaceUri};i=1..{options.Items}, one session, one subscription, publishing and sampling {options.IntervalMs} ms, queue size 1"));
        Console.WriteLine(Invariant($"  .NET {Environment.Version}, {Environment.ProcessorCount} cores, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load average {IngestBenchmark.LoadAverage()}"));

        await using IChangeSource source = options.Path == "client"
            ? new ClientChangeSource(options, loggers)
            : new CollectorChangeSource(options, loggers);
        var setup = Stopwatch.StartNew();
        try
        {
            await source.StartAsync();
        }
        catch (Exception ex) when (ex is OpcUaException or IOException or System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync("opcua: " + ex.Message);
            return 1;
        }

        Console.WriteLine(Invariant($"  subscribed in {setup.Elapsed.TotalSeconds:F1} s ({source.SetupDetail})"));
        while (source.ItemsReported < options.Items)
        {
            if (setup.Elapsed > TimeSpan.FromSeconds(60 + (options.Items / 1000)))
            {
                await Console.Error.WriteLineAsync(Invariant($"opcua: only {source.ItemsReported:N0} of {options.Items:N0} items reported within {setup.Elapsed.TotalSeconds:F0} s"));
                return 1;
            }

            await Task.Delay(100);
        }

        Console.WriteLine(Invariant($"  every item reported after {setup.Elapsed.TotalSeconds:F1} s; warming up {options.WarmupSeconds:F0} s, then measuring {options.Seconds:F0} s"));
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));

        var setupPeakRss = ProcessMemory.PeakResidentBytes();
        var setupRss = ProcessMemory.ResidentBytes();
        var start = Measure.Take(source.Changes);
        var window = TimeSpan.FromSeconds(options.Seconds);
        var progress = TimeSpan.FromSeconds(10);
        var previous = start;
        while (Stopwatch.GetElapsedTime(start.Ticks) < window)
        {
            var left = window - Stopwatch.GetElapsedTime(start.Ticks);
            await Task.Delay(left < progress ? left : progress);
            var now = Measure.Take(source.Changes);
            var seconds = Stopwatch.GetElapsedTime(previous.Ticks, now.Ticks).TotalSeconds;
            await Console.Error.WriteLineAsync(Invariant(
                $"  .. {Stopwatch.GetElapsedTime(start.Ticks).TotalSeconds,5:F0} s: {(now.Changes - previous.Changes) / seconds,9:N0} changes/s, CPU {(now.Cpu - previous.Cpu).TotalSeconds / seconds:F2} s/s, RSS {ProcessMemory.ResidentBytes() / 1048576.0:F0} MB, load {IngestBenchmark.LoadAverage()}"));
            previous = now;
        }

        var end = Measure.Take(source.Changes);
        var peakRss = ProcessMemory.PeakResidentBytes();
        var gc = GC.GetGCMemoryInfo();
        var load = IngestBenchmark.LoadAverage();

        // After the window, so it does not disturb the figures: what is really live (the rest of the heap is GC slack).
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var wall = Stopwatch.GetElapsedTime(start.Ticks, end.Ticks).TotalSeconds;
        var cpu = (end.Cpu - start.Cpu).TotalSeconds;
        var changes = end.Changes - start.Changes;
        var changesPerSecond = changes / wall;
        var expected = options.Items * 1000.0 / Math.Max(options.IntervalMs, options.ChangeMs);
        var cpuPer100k = changes == 0 ? double.NaN : cpu / (changes / 100_000.0);
        var cpuPerWall = cpu / wall;

        Console.WriteLine();
        Console.WriteLine(Invariant($"Results over {wall:F1} s (client process only)"));
        Line("items", $"{options.Items:N0}", source.SetupDetail);
        Line("changes/s", $"{changesPerSecond:N0}", Verdict(changesPerSecond >= expected * 0.99, Invariant($"expected {expected:N0} = items / max(interval, change period); {changes:N0} in the window")));
        Line("CPU s per 100,000 changes", $"{cpuPer100k:F3}", Invariant($"user {(end.UserCpu - start.UserCpu).TotalSeconds:F1} s + kernel {(end.KernelCpu - start.KernelCpu).TotalSeconds:F1} s in {wall:F1} s"));
        Line("CPU s per wall s", $"{cpuPerWall:F2}", Verdict(cpuPerWall <= TargetCpuPerWallSecond, "target <= 1.00 (one core)"));
        Line("peak RSS", $"{peakRss / 1048576.0:F0} MB", Verdict(peakRss <= TargetPeakRssBytes, Invariant($"target <= 300 MB (VmHWM, set-up included); {setupPeakRss / 1048576.0:F0} MB peak / {setupRss / 1048576.0:F0} MB RSS when measuring began")));
        Line("GC heap", Invariant($"{gc.HeapSizeBytes / 1048576.0:F0} MB"), Invariant($"after the last GC; {gc.FragmentedBytes / 1048576.0:F0} MB of it fragmented, {gc.TotalCommittedBytes / 1048576.0:F0} MB committed, {gc.PromotedBytes / 1048576.0:F0} MB promoted by it; {live / 1048576.0:F0} MB live after a full GC after the window"));
        Line("GC", Invariant($"{(end.AllocatedBytes - start.AllocatedBytes) / wall / 1048576.0:F1} MB/s allocated"), Invariant($"{(end.AllocatedBytes - start.AllocatedBytes) / (double)Math.Max(changes, 1):F0} bytes per change; gen0 {end.Gen0 - start.Gen0}, gen1 {end.Gen1 - start.Gen1}, gen2 {end.Gen2 - start.Gen2}, pause {(end.GcPause - start.GcPause).TotalMilliseconds:F0} ms"));
        Line("load average at end", load, "other processes compete for the same cores");
        Line("log warnings / errors", Invariant($"{warnings.Warnings} / {warnings.Errors}"), source.Detail);

        // One line for tests/benchmarks/opcua-subscribe.sh to pick up.
        Console.WriteLine(Invariant(
            $"RESULT path={options.Path} items={options.Items} seconds={wall:F1} changes={changes} changes_per_s={changesPerSecond:F0} expected_per_s={expected:F0} cpu_s={cpu:F3} cpu_per_100k={cpuPer100k:F4} cpu_per_wall={cpuPerWall:F3} peak_rss_mb={peakRss / 1048576.0:F0} load={load.Split(' ')[0]}"));
        return warnings.Errors == 0 ? 0 : 1;
    }

    private static string Verdict(bool met, string detail) => (met ? "ok      " : "MISSED  ") + detail;

    private static void Line(string label, string value, string detail) =>
        Console.WriteLine(Invariant($"  {label,-30} {value,-24} {detail}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string NodeId(OpcUaBenchmarkOptions options, int i) => string.Create(CultureInfo.InvariantCulture, $"nsu={options.NamespaceUri};i={i + 1}");

    /// <summary>Where the counted changes come from.</summary>
    private interface IChangeSource : IAsyncDisposable
    {
        long Changes { get; }

        /// <summary>Items that reported at least once (the run starts measuring when all have).</summary>
        int ItemsReported { get; }

        string SetupDetail { get; }

        string Detail { get; }

        Task StartAsync();
    }

    /// <summary>Our client alone: one subscription, every change read from its channel and counted.</summary>
    private sealed class ClientChangeSource(OpcUaBenchmarkOptions options, ILoggerFactory loggers) : IChangeSource
    {
        private readonly bool[] _seen = new bool[options.Items];
        private OpcUaClient? _client;
        private OpcUaSubscription? _subscription;
        private Task _reader = Task.CompletedTask;
        private long _changes;
        private int _reported;

        public long Changes => Interlocked.Read(ref _changes);

        public int ItemsReported => Volatile.Read(ref _reported);

        public string SetupDetail { get; private set; } = "";

        public string Detail => _subscription is null ? "" : Invariant($"republished {_subscription.RepublishedCount}, lost messages {_subscription.LostMessageCount}");

        public async Task StartAsync()
        {
            _client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = options.Endpoint, SessionName = "EdgeAgent benchmark" }, loggers);
            var nodes = new MonitoredNode[options.Items];
            for (var i = 0; i < nodes.Length; i++)
            {
                nodes[i] = new MonitoredNode(ExpandedNodeId.Parse(NodeId(options, i))) { SamplingInterval = options.IntervalMs, QueueSize = 1, Tag = i };
            }

            var started = Stopwatch.GetTimestamp();
            _subscription = await _client.SubscribeAsync(
                nodes,
                new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(options.IntervalMs), KeepAliveCount = 5, LifetimeCount = 30 });
            var good = _subscription.Items.Count(i => i.Status.IsGood);
            SetupDetail = Invariant($"{good:N0} items Good, created in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s in calls of at most 500; publishing interval granted {_subscription.PublishingInterval.TotalMilliseconds:F0} ms");
            _reader = Task.Run(ReadAsync);
        }

        private async Task ReadAsync()
        {
            try
            {
                await foreach (var change in _subscription!.Changes.ReadAllAsync())
                {
                    var index = (int)change.Node.Tag!;
                    if (!_seen[index])
                    {
                        _seen[index] = true;
                        Interlocked.Increment(ref _reported);
                    }

                    Interlocked.Increment(ref _changes);
                }
            }
            catch (OpcUaException ex)
            {
                await Console.Error.WriteLineAsync("opcua: subscription ended: " + ex.Message);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is not null)
            {
                await _client.DisposeAsync();
            }

            await _reader;
        }
    }

    /// <summary>The agent's collector: every change the subscription reports becomes a sample, handed over once per poll interval.</summary>
    private sealed class CollectorChangeSource(OpcUaBenchmarkOptions options, ILoggerFactory loggers) : IChangeSource
    {
        private readonly IngestChannel _channel = new();
        private readonly CancellationTokenSource _stop = new();
        private MeasuringWriter? _writer;
        private OpcUaSourceCollector? _collector;
        private Task _run = Task.CompletedTask;
        private Task _drain = Task.CompletedTask;
        private long _goodSamples;
        private long _badSamples;
        private int _largestBatch;
        private int _fullCycles;
        private int _partialCycles;
        private int _emptyCycles;

        public long Changes => Interlocked.Read(ref _goodSamples);

        public int ItemsReported => Volatile.Read(ref _largestBatch);

        public string SetupDetail { get; private set; } = "";

        public string Detail => Invariant(
            $"cycles {_writer?.Cycles ?? 0:N0} ({_writer?.GoodCycles ?? 0:N0} good): {Volatile.Read(ref _fullCycles):N0} with a sample of every item, {Volatile.Read(ref _partialCycles):N0} with some, {Volatile.Read(ref _emptyCycles):N0} with none; bad samples {Interlocked.Read(ref _badSamples):N0}");

        public Task StartAsync()
        {
            var config = new AgentConfig { Site = new SiteConfig() };
            var source = new SourceConfig { Id = "opcua-bench", Protocol = SourceProtocol.OpcUa, EndpointUrl = options.Endpoint, PollIntervalMs = options.IntervalMs };
            config.Sources.Add(source);
            var equipment = new EquipmentConfig { Id = "eq-opcua-bench", Name = "OPC UA bench", Source = source.Id, HasCommunicationInterface = true };
            for (var i = 0; i < options.Items; i++)
            {
                equipment.Tags.Add(new TagConfig { Name = string.Create(CultureInfo.InvariantCulture, $"v{i + 1}"), NodeId = NodeId(options, i) });
            }

            config.Equipment.Add(equipment);
            var (_, bindings) = OpcUaCollectionService.Bind(config).Single();
            _writer = new MeasuringWriter(_channel);
            _collector = new OpcUaSourceCollector(source, bindings, _writer, TimeProvider.System, loggers);
            _drain = Task.Run(DrainAsync);
            _run = Task.Run(() => _collector.RunAsync(_stop.Token));
            SetupDetail = "collector subscribes in calls of at most 500 when its first cycle connects";
            return Task.CompletedTask;
        }

        private async Task DrainAsync()
        {
            await foreach (var message in _channel.Reader.ReadAllAsync())
            {
                if (message.Batch is not { } batch)
                {
                    continue;
                }

                var good = 0;
                foreach (var sample in batch.Samples)
                {
                    if (sample.Quality == SampleQuality.Good)
                    {
                        good++;
                    }
                }

                Interlocked.Increment(ref good == options.Items ? ref _fullCycles : ref good == 0 ? ref _emptyCycles : ref _partialCycles);
                Interlocked.Add(ref _goodSamples, good);
                Interlocked.Add(ref _badSamples, batch.Samples.Count - good);
                if (good > Volatile.Read(ref _largestBatch))
                {
                    Volatile.Write(ref _largestBatch, good);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _run;
            }
            catch (OperationCanceledException)
            {
            }

            if (_collector is not null)
            {
                await _collector.DisposeAsync();
            }

            _channel.Writer.TryComplete();
            await _drain;
            _stop.Dispose();
        }
    }

    /// <summary>Counters at one instant; the report is the difference of two.</summary>
    private readonly record struct Measure(long Ticks, TimeSpan Cpu, TimeSpan UserCpu, TimeSpan KernelCpu, long Changes, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
    {
        public static Measure Take(long changes)
        {
            using var process = Process.GetCurrentProcess();
            return new Measure(
                Stopwatch.GetTimestamp(),
                process.TotalProcessorTime,
                process.UserProcessorTime,
                process.PrivilegedProcessorTime,
                changes,
                GC.GetTotalAllocatedBytes(precise: false),
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                GC.CollectionCount(2),
                GC.GetTotalPauseDuration());
        }
    }
}
