using System.Diagnostics;
using System.Globalization;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.Modbus;
using EdgeAgent.Collection.OpcUa;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Modbus;
using EdgeAgent.Simulator;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Hosting;

/// <summary>
/// Runs the whole collection pipeline (real Modbus TCP against the simulated plant, ingest channel, recorder,
/// SQLite) on a simulated clock, as fast as the machine allows: months of history in minutes.
/// </summary>
internal sealed partial class SimulationRunner
{
    private readonly AgentConfig _config;
    private readonly string _dataFolder;
    private readonly TextWriter _output;
    private readonly ILoggerFactory _loggers;

    public SimulationRunner(AgentConfig config, string dataFolder, TextWriter output, ILoggerFactory loggers)
    {
        _config = config;
        _dataFolder = dataFolder;
        _output = output;
        _loggers = loggers;
    }

    /// <summary>Simulates the plant-local days <paramref name="from"/>..<paramref name="to"/> (inclusive), one poll of every device per <paramref name="step"/>.</summary>
    public async Task<SimulationSummary> RunAsync(DateOnly from, DateOnly to, TimeSpan step, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_config.Site.TimeZone);
        var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var clock = new SimulatedClock(new DateTimeOffset(start, TimeSpan.Zero));
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        await using var plant = await SimulatedPlant.StartAsync(_config, new SimulatorOptions { FlakySources = [] }, time: null, _loggers, cancellationToken).ConfigureAwait(false);
        plant.PointAtSimulator(_config);

        var flaky = SimulatedPlant.DefaultFlakySource(_config);
        using var storage = new SqliteStorage(_dataFolder, _loggers.CreateLogger<SqliteStorage>());
        var channel = new IngestChannel();
        var metrics = new IngestMetrics();
        var deadbands = _config.Equipment.SelectMany(e => e.Tags.Select(t => (Key: new TagKey(e.Id, t.Name), t.Deadband))).ToDictionary(x => x.Key, x => x.Deadband);
        var recorder = new Recorder(
            channel,
            new SqliteIngestSink(storage),
            new LiveState(),
            metrics,
            new DeadbandFilter(k => deadbands.GetValueOrDefault(k), TimeSpan.FromSeconds(_config.Storage.HeartbeatSeconds)),
            new RecorderOptions { BatchSize = _config.Storage.BatchSize },
            TimeProvider.System,
            _loggers.CreateLogger<Recorder>());
        await recorder.StartAsync(cancellationToken).ConfigureAwait(false);

        var collectors = new List<ModbusSourceCollector>();
        var logger = _loggers.CreateLogger<ModbusSourceCollector>();
        foreach (var (source, bindings) in ModbusCollectionService.Bind(_config))
        {
            var client = new ModbusTcpClient(new ModbusTcpClientOptions
            {
                Host = source.Host,
                Port = source.Port,
                UnitId = (byte)source.UnitId,
                RequestTimeout = TimeSpan.FromMilliseconds(source.RequestTimeoutMs),
            });
            collectors.Add(new ModbusSourceCollector(source, bindings, client, channel.Writer, clock, logger));
        }

        // OPC UA sources are polled with Read on the simulated clock (subscriptions run on the server's real time).
        var opcUa = OpcUaCollectionService.CreateCollectors(_config, channel.Writer, clock, _loggers, forcePolling: true);

        long ticks = 0;
        var day = from;
        try
        {
            for (var t = start; t < end; t += step)
            {
                clock.AdvanceTo(new DateTimeOffset(t, TimeSpan.Zero));
                plant.AdvanceTo(t);
                if (flaky is not null)
                {
                    // The flaky device drops off the network for about an hour every 71 hours of simulated time.
                    var offline = (t - start).TotalHours % 71 is var h && h >= 30 && h < 31;
                    if (plant.IsOnline(flaky) == offline)
                    {
                        await plant.SetForcedOfflineAsync(flaky, offline, cancellationToken).ConfigureAwait(false);
                    }
                }

                await Task.WhenAll(collectors.Select(c => c.PollOnceAsync(cancellationToken))
                    .Concat(opcUa.Select(c => c.PollOnceAsync(cancellationToken)))).ConfigureAwait(false);
                ticks++;
                var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(t, zone));
                if (localDay != day)
                {
                    Log.DayDone(logger, day, wall.Elapsed.TotalSeconds);
                    day = localDay;
                }
            }
        }
        finally
        {
            foreach (var collector in collectors)
            {
                await collector.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var collector in opcUa)
            {
                await collector.DisposeAsync().ConfigureAwait(false);
            }

            channel.Writer.TryComplete();
            await recorder.StopAsync(CancellationToken.None).ConfigureAwait(false);
            recorder.Dispose();
        }

        // Seal the simulated days into the evidence ledger, as the running agent does after each local midnight.
        using (var ledger = new LedgerService(storage, _config, new LedgerOptions { AgentVersion = AgentHost.Version }, _loggers))
        {
            await ledger.CloseThroughAsync(to, cancellationToken).ConfigureAwait(false);
        }

        var info = storage.GetInfo();
        return new SimulationSummary(
            from,
            to,
            ticks,
            metrics.SamplesReceived,
            metrics.SamplesStored,
            wall.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu,
            info.TotalBytes);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Simulated {Day:yyyy-MM-dd} (wall clock {Seconds:F0} s)")]
        public static partial void DayDone(ILogger logger, DateOnly day, double seconds);
    }
}
