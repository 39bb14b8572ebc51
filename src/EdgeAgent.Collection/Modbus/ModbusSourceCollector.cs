using System.Net.Sockets;
using System.Threading.Channels;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Modbus;
using EdgeAgent.Modbus.Planning;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EdgeAgent.Collection.Modbus;

/// <summary>
/// Polls one Modbus TCP device (one source, one connection) at its poll interval with the fewest read requests the
/// planner allows. Every tick yields one cycle for ingest, good or not, so collection availability is measured honestly.
/// While the device is unreachable a single reconnect loop (Polly.Core: exponential backoff with jitter) runs in the
/// background: never more than one connect attempt in flight for a device. Read-only by construction: the Modbus
/// client has no write function.
/// </summary>
public sealed partial class ModbusSourceCollector : ISourceCollector
{
    private readonly SourceConfig _source;
    private readonly IReadOnlyList<ModbusTagBinding> _bindings;
    private readonly IModbusClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ModbusPlanner _planner;
    private readonly ModbusPlanOptions _planOptions;
    private readonly ModbusPlanState _planState = new();
    private readonly ResiliencePipeline _reconnect;
    private readonly ModbusReconnectOptions _reconnectOptions;
    private readonly ushort[] _registers = new ushort[ModbusLimits.MaxRegistersPerRead];
    private readonly bool[] _bits = new bool[ModbusLimits.MaxBitsPerRead];
    private readonly SourceFeed _feed;

    // Cancels the reconnect loop on dispose, whatever token started it.
    private readonly CancellationTokenSource _disposing = new();

    private ModbusPlan? _plan;
    private Task? _connecting;
    private long _cycle;
    private int _disposed;

    // Connections in a row that were made but delivered nothing (read timed out or dropped).
    private int _failedConnections;

    public ModbusSourceCollector(
        SourceConfig source,
        IReadOnlyList<ModbusTagBinding> bindings,
        IModbusClient client,
        ChannelWriter<IngestMessage> writer,
        TimeProvider time,
        ILogger logger,
        ModbusReconnectOptions? reconnect = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _bindings = bindings;
        _client = client;
        _time = time;
        _logger = logger;
        _feed = new SourceFeed(source, writer, time, onOnline: () => Log.Online(_logger, _source.Id, _source.Host, _source.Port));
        _planOptions = new ModbusPlanOptions
        {
            MaxRegistersPerRequest = source.MaxRegistersPerRequest,
            MaxBitsPerRequest = source.MaxBitsPerRequest,
            MaxRegisterGap = source.MaxGap,
            MaxBitGap = Math.Max(source.MaxGap, 0) * 16,
        };
        _planner = new ModbusPlanner(_planOptions);
        reconnect ??= new ModbusReconnectOptions();
        _reconnectOptions = reconnect;
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsConnectionFailure),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = reconnect.FirstDelay,
                MaxDelay = reconnect.MaxDelay,
                OnRetry = args =>
                {
                    var reason = Describe(args.Outcome.Exception!);
                    Log.ConnectFailed(_logger, _source.Id, reason, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                    return _feed.MarkOfflineAsync(reason, args.Context.CancellationToken);
                },
            })
            .Build();
    }

    /// <summary>The current read plan (for diagnostics and the benchmark).</summary>
    public ModbusPlan Plan => _plan ??= _planner.Plan(_bindings.Select(b => b.Item).ToList(), _planState);

    /// <summary>The fewest requests that could cover this device's tags (for the benchmark).</summary>
    public int MinimumRequests => _planner.MinimumRequestCount(_bindings.Select(b => b.Item).ToList());

    /// <summary>Runs until cancelled: one cycle per poll interval.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _feed.RunAsync(PollOnceAsync, cancellationToken);

    /// <summary>One poll cycle: connect if needed (in the background), read, hand the outcome to ingest.</summary>
    /// <remarks>Never throws for a device's misbehaviour: whatever happens, the cycle is handed to ingest (good or not).</remarks>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (_connecting is { IsCompleted: true } && _client.IsConnected)
        {
            // The reconnect loop has done its job; forget it so the next loss of connection starts a fresh one at once.
            _connecting = null;
        }

        if (!_client.IsConnected)
        {
            _connecting ??= ConnectAsync(cancellationToken);
            if (!_connecting.IsCompleted)
            {
                await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
                return;
            }

            _connecting = null;
            if (!_client.IsConnected)
            {
                // The reconnect loop ended without a connection (cancelled): nothing to read this cycle.
                await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var samples = new List<Sample>(_bindings.Count);
        try
        {
            await ReadAllAsync(samples, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            // The client has closed its socket; the next cycle starts the reconnect loop.
            _failedConnections++;
            var reason = Describe(ex);
            await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
            await _feed.MarkOfflineAsync(reason, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A surprise (a bug, an odd device) must cost one cycle of one device, not stop collection for the plant.
            Log.CycleFailed(_logger, _source.Id, ex);
            await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
            return;
        }

        _failedConnections = 0;
        var good = samples.Exists(s => s.Quality == SampleQuality.Good);
        if (samples.Count > 0 && samples.TrueForAll(s => IsGatewayFailure(s.Status)))
        {
            // A gateway answered for a device behind it that it cannot reach: that device is offline, whatever TCP says.
            await _feed.MarkOfflineAsync("exception " + samples[0].Status, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _feed.MarkOnlineAsync(cancellationToken).ConfigureAwait(false);
        }

        await _feed.WriteCycleAsync(now, samples, good, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsGatewayFailure(string? status) =>
        status is nameof(ModbusExceptionCode.GatewayPathUnavailable) or nameof(ModbusExceptionCode.GatewayTargetFailedToRespond);

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            if (_failedConnections >= 2)
            {
                // The device accepts connections but its reads keep failing (a hung application behind a live TCP
                // stack): back off here too, or it would get a fresh connection every cycle. A single drop reconnects at once.
                var delay = TimeSpan.FromTicks(Math.Min(
                    _reconnectOptions.MaxDelay.Ticks,
                    _reconnectOptions.FirstDelay.Ticks * (1L << Math.Min(_failedConnections - 2, 20))));
                await Task.Delay(delay, _time, linked.Token).ConfigureAwait(false);
            }

            await _reconnect.ExecuteAsync(async ct => await _client.ConnectAsync(ct).ConfigureAwait(false), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown while reconnecting.
        }
        catch (ObjectDisposedException)
        {
            // The client was disposed under the loop (shutdown).
        }
    }

    private async Task ReadAllAsync(List<Sample> samples, DateTime now, CancellationToken cancellationToken)
    {
        var plan = Plan;
        if (plan.StateVersion != _planState.Version)
        {
            plan = _plan = _planner.Plan(_bindings.Select(b => b.Item).ToList(), _planState);
        }

        foreach (var request in plan.Requests)
        {
            try
            {
                await ReadAsync(request, samples, now, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusException ex) when (ex.ExceptionCode == ModbusExceptionCode.IllegalDataAddress)
            {
                await SplitAsync(request, samples, now, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusException ex)
            {
                // The device answered but refused (busy, failure...): it is online, these values are bad.
                var status = ex.ExceptionCode.ToString();
                foreach (var slice in request.Slices)
                {
                    samples.Add(_bindings[slice.ItemIndex].Bad(now, SampleQuality.Bad, status));
                }
            }
        }

        // Re-probe addresses once refused, in case the device was reconfigured; items a probe reads are good this cycle.
        HashSet<int>? probed = null;
        if (plan.Excluded.Count > 0 && _planOptions.IsProbeDue(++_cycle))
        {
            foreach (var probe in plan.ProbeExcluded())
            {
                bool accepted;
                try
                {
                    accepted = await TryReadAsync(probe, samples, now, cancellationToken).ConfigureAwait(false);
                }
                catch (ModbusException)
                {
                    // Refused for another reason (busy...): this probe tells nothing, try again next time.
                    continue;
                }

                _planState.ReportProbe(probe, accepted);
                if (accepted)
                {
                    probed ??= [];
                    probed.UnionWith(probe.Slices.Select(s => s.ItemIndex));
                }
            }
        }

        foreach (var item in plan.Excluded)
        {
            if (probed is null || !probed.Contains(item.Index))
            {
                samples.Add(_bindings[item.Index].Bad(now, SampleQuality.Bad, nameof(ModbusExceptionCode.IllegalDataAddress)));
            }
        }
    }

    /// <summary>Narrows a coalesced block the device refused, so the valid tags in it are still read.</summary>
    private async Task SplitAsync(ModbusReadRequest rejected, List<Sample> samples, DateTime now, CancellationToken cancellationToken)
    {
        var split = ModbusPlanner.Split(rejected);
        var first = samples.Count;
        string? otherFailure = null;
        try
        {
            while (split.Current is { } probe)
            {
                split.Report(await TryReadAsync(probe, samples, now, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (ModbusException ex)
        {
            // Refused for another reason (busy, device failure): stop narrowing, keep what was learned so far.
            otherFailure = ex.ExceptionCode.ToString();
        }

        if (_planState.Learn(split))
        {
            var refused = split.BadItems.Select(i => _bindings[i].Key.ToString()).ToList();
            Log.BadAddresses(_logger, _source.Id, string.Join(", ", split.BadRanges), refused.Count == 0 ? "none" : string.Join(", ", refused));
        }

        foreach (var index in split.BadItems)
        {
            samples.Add(_bindings[index].Bad(now, SampleQuality.Bad, nameof(ModbusExceptionCode.IllegalDataAddress)));
        }

        if (otherFailure is not null)
        {
            // Every item of the block gets exactly one sample this cycle: the ones the split did not reach are bad.
            var done = new HashSet<TagKey>(samples.Skip(first).Select(s => s.Key));
            foreach (var slice in rejected.Slices)
            {
                var binding = _bindings[slice.ItemIndex];
                if (done.Add(binding.Key))
                {
                    samples.Add(binding.Bad(now, SampleQuality.Bad, otherFailure));
                }
            }
        }
    }

    private async Task<bool> TryReadAsync(ModbusReadRequest request, List<Sample> samples, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync(request, samples, now, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ModbusException ex) when (ex.ExceptionCode == ModbusExceptionCode.IllegalDataAddress)
        {
            return false;
        }
    }

    private async Task ReadAsync(ModbusReadRequest request, List<Sample> samples, DateTime now, CancellationToken cancellationToken)
    {
        if (request.Table is ModbusTable.Coil or ModbusTable.DiscreteInput)
        {
            var bits = _bits.AsMemory(0, request.Count);
            await _client.ReadBitsAsync(request.Table, (ushort)request.Start, bits, cancellationToken).ConfigureAwait(false);
            foreach (var slice in request.Slices)
            {
                samples.Add(_bindings[slice.ItemIndex].Decode(_bits[slice.Offset], now));
            }
        }
        else
        {
            var registers = _registers.AsMemory(0, request.Count);
            await _client.ReadRegistersAsync(request.Table, (ushort)request.Start, registers, cancellationToken).ConfigureAwait(false);
            foreach (var slice in request.Slices)
            {
                samples.Add(_bindings[slice.ItemIndex].Decode(_registers.AsSpan(slice.Offset, slice.Count), now));
            }
        }
    }

    /// <summary>Errors that mean the device cannot be reached (as opposed to a device that answers with an exception).</summary>
    internal static bool IsConnectionFailure(Exception ex) =>
        ex is ModbusTimeoutException or ModbusConnectionException or ModbusProtocolException or SocketException or IOException or TimeoutException;

    /// <summary>A short reason for the status timeline and the status page.</summary>
    internal static string Describe(Exception ex) => ex switch
    {
        ModbusTimeoutException => "timeout",
        ModbusConnectionException { SocketError: SocketError.ConnectionRefused } => "connection refused",
        ModbusConnectionException { SocketError: SocketError.TimedOut } => "connect timeout",
        ModbusConnectionException { SocketError: SocketError.ConnectionReset } => "connection reset",
        ModbusConnectionException { SocketError: null, InnerException: null } => "connection closed by device",
        ModbusConnectionException { SocketError: { } code } => $"connection failed ({code})",
        ModbusConnectionException c => $"connection failed: {c.Message}",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException s => $"connection failed ({s.SocketErrorCode})",
        ModbusProtocolException p => $"protocol error: {p.Message}",
        TimeoutException => "timeout",
        _ => ex.Message,
    };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        if (_connecting is not null)
        {
            await _connecting.ConfigureAwait(false);
        }

        await _client.DisposeAsync().ConfigureAwait(false);
        _disposing.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Modbus source {SourceId} connected to {Host}:{Port}")]
        public static partial void Online(ILogger logger, string sourceId, string host, int port);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Modbus source {SourceId}: connect attempt {Attempt} failed ({Reason}); next attempt in {DelaySeconds:F1} s")]
        public static partial void ConnectFailed(ILogger logger, string sourceId, string reason, int attempt, double delaySeconds);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Modbus source {SourceId} refuses reads spanning {Ranges} (illegal data address): the tags around them are now read in separate requests; tags the device refuses themselves are stored as bad quality: {RefusedTags}")]
        public static partial void BadAddresses(ILogger logger, string sourceId, string ranges, string refusedTags);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Modbus source {SourceId}: poll cycle failed unexpectedly; collection goes on")]
        public static partial void CycleFailed(ILogger logger, string sourceId, Exception exception);
    }
}
