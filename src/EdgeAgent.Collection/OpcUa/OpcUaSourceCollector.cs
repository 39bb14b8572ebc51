using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa;
using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Services;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EdgeAgent.Collection.OpcUa;

/// <summary>
/// Collects one OPC UA source (one endpoint, one session). Tags are resolved when the session opens (node ids by
/// namespace URI, browse paths by TranslateBrowsePathsToNodeIds); values arrive by subscription (sampling at the poll
/// interval, the tag's deadband as an absolute DataChangeFilter; every reported change is kept) or, with
/// <c>polling</c>, by Read. Either way every
/// poll interval yields one cycle for ingest, good or not, so collection availability is measured as for Modbus.
/// While the server is unreachable a single reconnect loop (Polly.Core: exponential backoff with jitter, longer when
/// the server has no room for another session or subscription) runs in the background. Read-only by construction:
/// the OPC UA client has no Write and no Call.
/// </summary>
public sealed partial class OpcUaSourceCollector : ISourceCollector
{
    private readonly SourceConfig _source;
    private readonly IReadOnlyList<OpcUaTagBinding> _bindings;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly OpcUaReconnectOptions _reconnectOptions;
    private readonly OpcUaClientOptions _clientOptions;
    private readonly ResiliencePipeline<OpcUaSession> _reconnect;
    private readonly SourceFeed _feed;

    // Cancels the reconnect loop on dispose, whatever token started it.
    private readonly CancellationTokenSource _disposing = new();

    private OpcUaSession? _session;
    private Task<OpcUaSession?>? _connecting;
    private int _disposed;

    /// <summary>A collector for <paramref name="source"/>; nothing connects until the first cycle.</summary>
    public OpcUaSourceCollector(
        SourceConfig source,
        IReadOnlyList<OpcUaTagBinding> bindings,
        ChannelWriter<IngestMessage> writer,
        TimeProvider time,
        ILoggerFactory loggers,
        OpcUaReconnectOptions? reconnect = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(loggers);
        _source = source;
        _bindings = bindings;
        _feed = new SourceFeed(source, writer, time);
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<OpcUaSourceCollector>();
        _reconnectOptions = reconnect ?? new OpcUaReconnectOptions();
        _clientOptions = ClientOptions(source, _reconnectOptions);
        _reconnect = new ResiliencePipelineBuilder<OpcUaSession> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<OpcUaSession>
            {
                ShouldHandle = new PredicateBuilder<OpcUaSession>().Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _reconnectOptions.FirstDelay,
                MaxDelay = _reconnectOptions.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(BusyDelay(args.Outcome.Exception, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var reason = Describe(args.Outcome.Exception!);
                    Log.ConnectFailed(_logger, _source.Id, reason, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds, args.Outcome.Exception!.Message);
                    return _feed.MarkOfflineAsync(reason, _time.GetUtcNow().UtcDateTime, args.Context.CancellationToken);
                },
            })
            .Build();
    }

    /// <summary>The source collected.</summary>
    public SourceConfig Source => _source;

    /// <summary>Whether a session is open and not known to be lost.</summary>
    public bool IsConnected => _session is { Lost: null };

    /// <summary>The current session's client (for diagnostics and tests), or null while disconnected.</summary>
    internal OpcUaClient? Client => _session?.Client;

    /// <summary>Runs until cancelled: one cycle per poll interval.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _feed.RunAsync(PollOnceAsync, cancellationToken);

    /// <summary>
    /// One cycle: notice a lost session (offline, reconnect in the background), or hand over what the subscription
    /// reported since the last cycle (or what a Read returns when polling).
    /// </summary>
    /// <remarks>Never throws for a server's misbehaviour: whatever happens, the cycle is handed to ingest (good or not).</remarks>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var session = _session;
        if (session?.Lost is { } lost)
        {
            _session = null;
            Log.SessionLost(_logger, _source.Id, lost.Reason);
            await _feed.MarkOfflineAsync(lost.Reason, lost.AtUtc, cancellationToken).ConfigureAwait(false);
            await session.DisposeAsync().ConfigureAwait(false);
            session = null;
        }

        if (session is null)
        {
            _connecting ??= ConnectAsync(cancellationToken);
            if (!_connecting.IsCompleted)
            {
                await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
                return;
            }

            session = await _connecting.ConfigureAwait(false);
            _connecting = null;
            if (session is null)
            {
                // The reconnect loop ended without a session (cancelled): nothing to collect this cycle.
                await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
                return;
            }

            _session = session;
            var resolved = session.Refused.Count(r => r is null);
            Log.Online(_logger, _source.Id, _source.EndpointUrl ?? string.Empty, _source.Polling ? "polling" : "subscription", resolved, _bindings.Count);

            await _feed.MarkOnlineAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var (samples, good) = _source.Polling
                ? await ReadAllAsync(session, now, cancellationToken).ConfigureAwait(false)
                : Reported(session, now);
            await _feed.WriteCycleAsync(now, samples, good, cancellationToken).ConfigureAwait(false);
        }
        catch (OpcUaException ex) when (!session.Client.IsConnected)
        {
            // The connection died under the Read: record the loss now, the next cycle goes offline and reconnects.
            session.MarkLost(ex);
            await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A surprise (a bug, an odd server) must cost one cycle of one device, not stop collection for the plant.
            Log.CycleFailed(_logger, _source.Id, ex);
            await _feed.WriteFailedCycleAsync(now, cancellationToken).ConfigureAwait(false);
        }
    }

    private (List<Sample> Samples, bool Good) Reported(OpcUaSession session, DateTime now)
    {
        var reported = session.TakeReported();
        var samples = new List<Sample>(reported.Count);
        foreach (var binding in _bindings)
        {
            if (session.Refused[binding.Index] is { } status)
            {
                samples.Add(binding.Bad(now, status));
            }
        }

        // Every change the server reported becomes a sample, not only the last of the interval: a counter or state
        // that moved twice between cycles keeps both moves, each with its source timestamp, in the server's order
        // (the subscription delivers in sequence-number order, holding back what arrives ahead of a lost message).
        foreach (var (index, value) in reported)
        {
            samples.Add(_bindings[index].ToSample(value, now));
        }

        // No change in an interval is not a failure: the subscription is alive (the client faults it when keep-alives
        // stop), so the cycle is good as long as some tag is monitored. A notification lost for good (a gap the
        // server could no longer fill) makes the cycle that found it a failed one: availability shows the loss.
        var lostMessages = session.TakeNewlyLostMessages();
        if (lostMessages > 0)
        {
            Log.NotificationsLost(_logger, _source.Id, lostMessages);
        }

        return (samples, session.Lost is null && session.HasReadableTags && lostMessages == 0);
    }

    private async Task<(List<Sample> Samples, bool Good)> ReadAllAsync(OpcUaSession session, DateTime now, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>(_bindings.Count);
        var toRead = new List<OpcUaTagBinding>(_bindings.Count);
        foreach (var binding in _bindings)
        {
            if (session.Refused[binding.Index] is { } status)
            {
                samples.Add(binding.Bad(now, status));
            }
            else
            {
                toRead.Add(binding);
            }
        }

        if (toRead.Count > 0)
        {
            try
            {
                var values = await session.Client.ReadAsync(
                    toRead.Select(b => new ReadValueId { NodeId = session.Nodes[b.Index]!, AttributeId = Attributes.Value }).ToArray(),
                    TimestampsToReturn.Both,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < toRead.Count; i++)
                {
                    samples.Add(toRead[i].ToSample(values[i], now));
                }
            }
            catch (OpcUaException ex) when (session.Client.IsConnected)
            {
                // The server answered but refused the whole Read (busy, timeout): online, these values are bad.
                foreach (var binding in toRead)
                {
                    samples.Add(binding.Bad(now, ex.StatusCode.Name));
                }
            }
        }

        return (samples, samples.Exists(s => s.Quality is SampleQuality.Good or SampleQuality.Uncertain));
    }

    private async Task<OpcUaSession?> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            return await _reconnect.ExecuteAsync(
                async ct => await OpcUaSession.OpenAsync(_source, _bindings, _clientOptions, _loggers, _time, ct).ConfigureAwait(false),
                linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown while reconnecting.
            return null;
        }
    }

    private TimeSpan? BusyDelay(Exception? error, int attempt)
    {
        if (error is not OpcUaException { StatusCode.Code: StatusCodes.BadTooManySessions or StatusCodes.BadTooManySubscriptions })
        {
            return null;
        }

        // Doubling from BusyDelay with ±25 % jitter, so gateways refused together do not come back together.
        var busy = _reconnectOptions.BusyDelay;
        var max = busy > _reconnectOptions.MaxDelay ? busy : _reconnectOptions.MaxDelay;
        var delay = busy * Math.Pow(2, Math.Min(attempt, 16));
        if (delay > max)
        {
            delay = max;
        }

        return delay * (0.75 + (RandomNumberGenerator.GetInt32(0, 501) / 1000.0));
    }

    /// <summary>How the client connects for <paramref name="source"/>.</summary>
    internal static OpcUaClientOptions ClientOptions(SourceConfig source, OpcUaReconnectOptions reconnect) => new()
    {
        EndpointUrl = source.EndpointUrl ?? string.Empty,
        SecurityPolicyUri = source.SecurityPolicy switch
        {
            "Basic256Sha256" => SecurityPolicyUris.Basic256Sha256,
            "Aes128_Sha256_RsaOaep" => SecurityPolicyUris.Aes128Sha256RsaOaep,
            "Aes256_Sha256_RsaPss" => SecurityPolicyUris.Aes256Sha256RsaPss,
            _ => SecurityPolicyUris.None,
        },
        SecurityMode = source.SecurityMode switch
        {
            "Sign" => MessageSecurityMode.Sign,
            "SignAndEncrypt" => MessageSecurityMode.SignAndEncrypt,
            _ => MessageSecurityMode.None,
        },
        Identity = string.IsNullOrEmpty(source.Username) ? UserIdentity.Anonymous : UserIdentity.FromUserName(source.Username, source.Password ?? string.Empty),
        SessionName = "EdgeAgent " + source.Id,
        CertificateStore = reconnect.Certificates,
        TrustOnFirstUse = source.TrustOnFirstUse,
        SessionTimeout = reconnect.SessionTimeout,
        KeepAliveInterval = reconnect.KeepAliveInterval,

        // Opening a session takes several round trips and a busy server may be slow: never less than 5 s.
        OperationTimeout = TimeSpan.FromMilliseconds(Math.Max(source.RequestTimeoutMs, 5000)),
    };

    /// <summary>A short reason for the status timeline and the status page: the OPC UA status name where there is one.</summary>
    internal static string Describe(Exception ex) => ex switch
    {
        OpcUaException ua => ua.StatusCode.Name,
        SocketException s => $"connection failed ({s.SocketErrorCode})",
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
        if (_connecting is not null && await _connecting.ConfigureAwait(false) is { } late)
        {
            await late.DisposeAsync().ConfigureAwait(false);
        }

        // Close the session on the server (CloseSession deletes its subscription): a gateway restarting every day
        // must not leave sessions behind until they time out.
        if (Interlocked.Exchange(ref _session, null) is { } session)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _disposing.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "OPC UA source {SourceId} connected to {EndpointUrl} ({Mode}, {Resolved} of {Tags} tags resolved)")]
        public static partial void Online(ILogger logger, string sourceId, string endpointUrl, string mode, int resolved, int tags);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "OPC UA source {SourceId}: connect attempt {Attempt} failed ({Reason}: {Detail}); next attempt in {DelaySeconds:F1} s")]
        public static partial void ConnectFailed(ILogger logger, string sourceId, string reason, int attempt, double delaySeconds, string detail);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "OPC UA source {SourceId}: session lost ({Reason}); reconnecting")]
        public static partial void SessionLost(ILogger logger, string sourceId, string reason);

        [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "OPC UA source {SourceId}: {Count} notification message(s) lost for good (the server could not republish them); this cycle counts as failed")]
        public static partial void NotificationsLost(ILogger logger, string sourceId, int count);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "OPC UA source {SourceId}: cycle failed unexpectedly; collection goes on")]
        public static partial void CycleFailed(ILogger logger, string sourceId, Exception exception);
    }
}
