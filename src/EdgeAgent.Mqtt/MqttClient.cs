using System.Threading.Channels;
using EdgeAgent.Mqtt.Protocol;
using EdgeAgent.Mqtt.Session;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace EdgeAgent.Mqtt;

/// <summary>
/// MQTT 3.1.1 / 5.0 client for publishing with QoS 0 and 1: TCP or TLS, keep-alive, reconnect with
/// exponential backoff and jitter, persistent session with in-order retransmission (DUP=1) of
/// unacknowledged messages. It also subscribes, which tests and diagnostics use.
/// </summary>
/// <remarks>
/// Unacknowledged messages are kept in memory only, for the life of the process. The caller's
/// durable outbox must keep a message until <see cref="PublishAsync"/> has completed.
/// </remarks>
public sealed class MqttClient : IMqttPublisher
{
    private readonly MqttClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PublishQueue _queue;
    private readonly Channel<MqttReceivedMessage> _received;
    private readonly ResiliencePipeline _reconnect;
    private readonly SemaphoreSlim _lifetime = new(1, 1);

    private volatile MqttConnection? _connection;
    private volatile string? _lastError;
    private CancellationTokenSource? _supervisorCts;
    private Task? _supervisor;
    private int _generation;
    private int _connectCount;
    private bool _started;
    private bool _disposed;

    // Limits announced by the broker in the last CONNACK (MQTT 5); 3.1.1 brokers announce none.
    private volatile ConnAckPacket? _lastConnAck;

    public MqttClient(MqttClientOptions options, ILogger<MqttClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MQTT client options: " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger<MqttClient>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _queue = new PublishQueue(options.MaxQueuedMessages);
        _received = Channel.CreateBounded<MqttReceivedMessage>(new BoundedChannelOptions(options.ReceiveBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectMinDelay,
                MaxDelay = options.ReconnectMaxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    _logger.ReconnectFailed(
                        args.AttemptNumber + 1,
                        _options.Host,
                        _options.Port,
                        args.Outcome.Exception?.Message ?? "unknown",
                        args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    /// <inheritdoc/>
    public bool IsConnected => _connection is { IsAlive: true };

    /// <summary>
    /// Messages from subscriptions made with <see cref="SubscribeAsync"/>. Bounded: when nobody reads,
    /// the client stops reading the socket (and the keep-alive eventually drops the connection).
    /// </summary>
    public ChannelReader<MqttReceivedMessage> ReceivedMessages => _received.Reader;

    /// <summary>PUBLISH packets resent with DUP=1 since the client was created.</summary>
    public long Retransmissions => _queue.Retransmissions;

    /// <summary>Successful CONNECT/CONNACK exchanges since the client was created (1 + reconnects).</summary>
    public int ConnectCount => Volatile.Read(ref _connectCount);

    /// <inheritdoc/>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _lifetime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_started)
            {
                throw new InvalidOperationException("The MQTT client is already connected; it reconnects by itself.");
            }

            var connection = await EstablishAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
            _supervisorCts = new CancellationTokenSource();
            _supervisor = SuperviseAsync(connection, _supervisorCts.Token);
        }
        finally
        {
            _lifetime.Release();
        }
    }

    /// <inheritdoc/>
    public async Task PublishAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce,
        bool retain = false,
        CancellationToken cancellationToken = default)
    {
        MqttPacketEncoder.ValidateTopicName(topic);
        if (qos is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "Only QoS 0 and 1 are supported.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_started)
        {
            throw new InvalidOperationException("Call ConnectAsync before PublishAsync.");
        }

        var limits = _lastConnAck?.Properties;
        if (qos == MqttQualityOfService.AtLeastOnce && limits?.MaximumQos == 0)
        {
            throw new MqttPublishException("The MQTT broker accepts QoS 0 only (Maximum QoS 0 in CONNACK).");
        }

        if (retain && limits?.RetainAvailable == false)
        {
            throw new MqttPublishException("The MQTT broker does not support retained messages (Retain Available 0 in CONNACK).");
        }

        var entry = await _queue.EnqueueAsync(
            qos,
            topic,
            packetId =>
            {
                var packet = MqttPacketEncoder.EncodePublish(topic, payload.Span, qos, retain, packetId, _options.ProtocolVersion);
                if (limits?.MaximumPacketSize is { } max && packet.Length > max)
                {
                    throw new MqttPublishException($"The message to '{topic}' is {packet.Length} bytes; the MQTT broker accepts at most {max} (Maximum Packet Size).");
                }

                return packet;
            },
            cancellationToken).ConfigureAwait(false);

        try
        {
            await entry.Completion.Task.WaitAsync(_options.PublishTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            _queue.Abandon(entry);
            var state = IsConnected ? "connected" : "disconnected, reconnecting";
            throw new TimeoutException(
                $"The MQTT broker {_options.Host}:{_options.Port} did not acknowledge the message to '{topic}' within {_options.PublishTimeout}; "
                + $"client {state}, last connection error: {_lastError ?? "none"}.",
                ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _queue.Abandon(entry);
            throw;
        }
    }

    /// <summary>
    /// Subscribes on the current connection and returns the granted QoS. With a persistent session the
    /// broker keeps the subscription across reconnects. Messages arrive in <see cref="ReceivedMessages"/>.
    /// </summary>
    public async Task<MqttQualityOfService> SubscribeAsync(
        string topicFilter,
        MqttQualityOfService maxQos = MqttQualityOfService.AtLeastOnce,
        CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _connection;
        if (connection is not { IsAlive: true })
        {
            throw new MqttException("Not connected to the MQTT broker.");
        }

        var packetId = _queue.ReserveId();
        try
        {
            var packet = MqttPacketEncoder.EncodeSubscribe(packetId, topicFilter, maxQos, _options.ProtocolVersion);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            var subAck = await connection.SubscribeAsync(packetId, packet, timeout.Token).ConfigureAwait(false);
            var code = subAck.ReasonCodes[0];
            if (code >= 0x80)
            {
                throw new MqttSubscribeException(
                    $"The MQTT broker refused the subscription to '{topicFilter}': {MqttReasonCodes.DescribeSubscribe(_options.ProtocolVersion, code)} (SUBACK code 0x{code:X2}).",
                    code);
            }

            return code == 0 ? MqttQualityOfService.AtMostOnce : MqttQualityOfService.AtLeastOnce;
        }
        finally
        {
            _queue.ReleaseId(packetId);
        }
    }

    /// <inheritdoc/>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await _lifetime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                return;
            }

            await _supervisorCts!.CancelAsync().ConfigureAwait(false);
            await _supervisor!.ConfigureAwait(false);
            _supervisorCts.Dispose();

            var connection = _connection;
            _connection = null;
            if (connection is not null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await connection.CloseAsync(timeout.Token).ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            var failed = _queue.Count;
            _queue.FailAll(new MqttException(
                "The MQTT client was disconnected before the broker acknowledged the message; it is not confirmed as delivered."));
            _started = false;
            _logger.Disconnected(_options.Host, _options.Port, failed);
        }
        finally
        {
            _lifetime.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await DisconnectAsync().ConfigureAwait(false);
        _disposed = true;
        _queue.Dispose();
        _lifetime.Dispose();
    }

    private async Task<MqttConnection> EstablishAsync(CancellationToken cancellationToken)
    {
        var version = _options.ProtocolVersion;
        _logger.Connecting(_options.Host, _options.Port, version == MqttProtocolVersion.V311 ? "3.1.1" : "5.0", _options.ClientId, _options.Tls.Enabled);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        Stream? stream = null;
        try
        {
            stream = await MqttTransport.ConnectAsync(_options, _logger, timeout.Token).ConfigureAwait(false);
            await stream.WriteAsync(MqttPacketEncoder.EncodeConnect(_options), timeout.Token).ConfigureAwait(false);
            await stream.FlushAsync(timeout.Token).ConfigureAwait(false);

            var reader = new MqttFrameReader(stream, _options.MaxIncomingPacketSize);
            var (firstByte, body) = await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            if ((MqttPacketType)(firstByte >> 4) != MqttPacketType.ConnAck)
            {
                throw new MqttProtocolException($"Protocol error: the broker answered CONNECT with packet type {firstByte >> 4} instead of CONNACK.");
            }

            var connAck = (ConnAckPacket)MqttPacketDecoder.Decode(firstByte, body.Span, version);
            if (connAck.ReasonCode != 0)
            {
                var reason = MqttReasonCodes.DescribeConnect(version, connAck.ReasonCode);
                var extra = connAck.Properties.ReasonString is null ? string.Empty : $" ({connAck.Properties.ReasonString})";
                throw new MqttConnectException(
                    $"The MQTT broker {_options.Host}:{_options.Port} refused the connection: {reason}{extra} (CONNACK code 0x{connAck.ReasonCode:X2}).",
                    connAck.ReasonCode);
            }

            var keepAlive = connAck.Properties.ServerKeepAlive is { } serverKeepAlive
                ? TimeSpan.FromSeconds(serverKeepAlive)
                : _options.KeepAlive;
            var window = Math.Min(_options.MaxInFlight, connAck.Properties.ReceiveMaximum ?? ushort.MaxValue);
            var settings = new MqttConnectionSettings(version, keepAlive, window, Interlocked.Increment(ref _generation), _options.Host, _options.Port);

            _lastConnAck = connAck;
            var resend = _queue.OnSessionStart(connAck.SessionPresent);
            var connection = new MqttConnection(stream, reader, settings, _queue, _received.Writer, _logger, _time);
            connection.Start();
            _connection = connection;
            _lastError = null;
            Interlocked.Increment(ref _connectCount);
            _logger.Connected(_options.Host, _options.Port, connAck.SessionPresent, keepAlive.TotalSeconds, window, resend);
            return connection;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _lastError = "connect timeout";
            await DisposeStreamAsync(stream).ConfigureAwait(false);
            throw new MqttConnectException(
                $"Connecting to MQTT broker {_options.Host}:{_options.Port} did not complete within {_options.ConnectTimeout} (TCP connect, TLS handshake and CONNACK).",
                ex);
        }
        catch (EndOfStreamException ex)
        {
            _lastError = ex.Message;
            await DisposeStreamAsync(stream).ConfigureAwait(false);
            throw new MqttConnectException($"The MQTT broker {_options.Host}:{_options.Port} closed the connection before CONNACK.", ex);
        }
        catch (IOException ex)
        {
            // For example a TLS alert after the handshake, when the broker rejects our client certificate.
            _lastError = ex.Message;
            await DisposeStreamAsync(stream).ConfigureAwait(false);
            throw new MqttConnectException($"The connection to MQTT broker {_options.Host}:{_options.Port} failed before CONNACK: {ex.Message}", ex);
        }
        catch (Exception ex)
        {
            _lastError = ex.Message;
            await DisposeStreamAsync(stream).ConfigureAwait(false);
            throw;
        }
    }

    private async Task SuperviseAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var reason = await connection.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (ReferenceEquals(_connection, connection))
                {
                    _connection = null;
                }

                await connection.DisposeAsync().ConfigureAwait(false);
                _lastError = reason.Message;
                _logger.ConnectionLost(_options.Host, _options.Port, reason.Message);

                // A pause before the first attempt too: a broker that accepts and then drops us (session
                // taken over by a twin gateway, malformed traffic) must not be hammered in a tight loop.
                await Task.Delay(JitteredMinimumDelay(), _time, cancellationToken).ConfigureAwait(false);
                connection = await _reconnect.ExecuteAsync(
                    async token => await EstablishAsync(token).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // DisconnectAsync: the caller closes the current connection.
        }
    }

    private TimeSpan JitteredMinimumDelay() => _options.ReconnectMinDelay * (0.5 + Random.Shared.NextDouble());

    private static async ValueTask DisposeStreamAsync(Stream? stream)
    {
        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
