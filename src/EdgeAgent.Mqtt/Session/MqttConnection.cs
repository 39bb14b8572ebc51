using System.Collections.Concurrent;
using System.Threading.Channels;
using EdgeAgent.Mqtt.Protocol;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Mqtt.Session;

/// <summary>
/// One network connection after an accepted CONNACK: a read loop, a write loop for the publish queue,
/// and a keep-alive loop. The first loop to fail ends the whole connection and reports why through
/// <see cref="Completion"/>; the client then reconnects. Nothing here throws out of the loops.
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly MqttFrameReader _reader;
    private readonly MqttConnectionSettings _settings;
    private readonly PublishQueue _queue;
    private readonly ChannelWriter<MqttReceivedMessage> _received;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _cts = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TaskCompletionSource<Exception> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource<SubAckPacket>> _subscriptions = new();
    private readonly List<Task> _loops = [];

    private long _lastReceived;
    private long _lastSent;
    private long _pingSent;
    private int _pingOutstanding;

    public MqttConnection(
        Stream stream,
        MqttFrameReader reader,
        MqttConnectionSettings settings,
        PublishQueue queue,
        ChannelWriter<MqttReceivedMessage> received,
        ILogger logger,
        TimeProvider time)
    {
        _stream = stream;
        _reader = reader;
        _settings = settings;
        _queue = queue;
        _received = received;
        _logger = logger;
        _time = time;
        _lastReceived = _lastSent = time.GetTimestamp();
    }

    /// <summary>Completes (never faults) with the reason the connection ended.</summary>
    public Task<Exception> Completion => _completion.Task;

    public bool IsAlive => !_completion.Task.IsCompleted;

    public MqttConnectionSettings Settings => _settings;

    public void Start()
    {
        _loops.Add(RunLoopAsync(ReadLoopAsync));
        _loops.Add(RunLoopAsync(WriteLoopAsync));
        if (_settings.KeepAlive > TimeSpan.Zero)
        {
            _loops.Add(RunLoopAsync(KeepAliveLoopAsync));
        }
    }

    public async Task<SubAckPacket> SubscribeAsync(ushort packetId, byte[] packet, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<SubAckPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        _subscriptions[packetId] = waiter;
        try
        {
            if (!IsAlive)
            {
                throw new MqttException("The connection to the MQTT broker is down.");
            }

            await SendAsync(packet, cancellationToken).ConfigureAwait(false);
            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _subscriptions.TryRemove(packetId, out _);
        }
    }

    /// <summary>Sends DISCONNECT (best effort, bounded by the token) and closes the connection.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (IsAlive)
        {
            try
            {
                await SendAsync(MqttPacketEncoder.Disconnect, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection is being closed anyway; a lost DISCONNECT only means the broker notices a little later.
            }
        }

        Fail(new MqttException("The connection was closed by the client."));
    }

    public async ValueTask DisposeAsync()
    {
        Fail(new ObjectDisposedException(nameof(MqttConnection)));
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The loops report through Fail; nothing is left to observe here.
        }

        _cts.Dispose();
        _writeLock.Dispose();
    }

    private async Task RunLoopAsync(Func<CancellationToken, Task> loop)
    {
        try
        {
            // Yield first so Start() returns before any loop body runs.
            await Task.Yield();
            await loop(_cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private void Fail(Exception reason)
    {
        if (!_completion.TrySetResult(reason))
        {
            return;
        }

        if (reason is MqttProtocolException)
        {
            _logger.ProtocolError(_settings.Host, _settings.Port, reason.Message);
        }

        _cts.Cancel();
        _stream.Dispose();
        foreach (var waiter in _subscriptions.Values)
        {
            waiter.TrySetException(new MqttException("The connection to the MQTT broker was lost before SUBACK.", reason));
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(packet, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastSent, _time.GetTimestamp());
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var (firstByte, body) = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastReceived, _time.GetTimestamp());

            // Any packet proves the broker alive, not only PINGRESP.
            Volatile.Write(ref _pingOutstanding, 0);
            var packet = MqttPacketDecoder.Decode(firstByte, body.Span, _settings.Version);
            switch (packet)
            {
                case PubAckPacket ack:
                    HandlePubAck(ack);
                    break;
                case PingRespPacket:
                    break;
                case PublishPacket publish:
                    await HandlePublishAsync(publish, cancellationToken).ConfigureAwait(false);
                    break;
                case SubAckPacket subAck:
                    if (!_subscriptions.TryGetValue(subAck.PacketId, out var waiter))
                    {
                        throw new MqttProtocolException($"Protocol error: SUBACK for packet identifier {subAck.PacketId}, which has no SUBSCRIBE outstanding.");
                    }

                    waiter.TrySetResult(subAck);
                    break;
                case DisconnectPacket disconnect:
                    var reason = MqttReasonCodes.Describe(disconnect.ReasonCode)
                        + (disconnect.ReasonString is null ? string.Empty : $" ({disconnect.ReasonString})");
                    _logger.ServerDisconnect(_settings.Host, _settings.Port, reason);
                    throw new MqttException($"The MQTT broker closed the connection: {reason}.");
                case ConnAckPacket:
                    throw new MqttProtocolException("Protocol error: a second CONNACK on one connection.");
            }
        }
    }

    private void HandlePubAck(PubAckPacket ack)
    {
        var entry = _queue.Acknowledge(ack.PacketId);
        if (entry is null)
        {
            // Possible after a reconnect where the broker acknowledges a retransmit twice; harmless for QoS 1.
            _logger.UnknownPacketId(ack.PacketId);
            return;
        }

        if (ack.ReasonCode < 0x80)
        {
            entry.Completion.TrySetResult();
            return;
        }

        var reason = MqttReasonCodes.Describe(ack.ReasonCode) + (ack.ReasonString is null ? string.Empty : $" ({ack.ReasonString})");
        _logger.PublishRejected(entry.Topic, ack.PacketId, reason);
        entry.Completion.TrySetException(new MqttPublishException(
            $"The MQTT broker rejected the message to '{entry.Topic}': {reason} (PUBACK reason code 0x{ack.ReasonCode:X2}).",
            ack.ReasonCode));
    }

    private async Task HandlePublishAsync(PublishPacket publish, CancellationToken cancellationToken)
    {
        var message = new MqttReceivedMessage(publish.Topic, publish.Payload, publish.Qos, publish.Retain, publish.Duplicate);

        // Hand the message over before acknowledging it, so a crash in between means a redelivery, not a loss.
        await _received.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        if (publish.Qos == MqttQualityOfService.AtLeastOnce)
        {
            await SendAsync(MqttPacketEncoder.EncodePubAck(publish.PacketId), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var signal = _queue.Signal;
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = _queue.TakeNextToSend(_settings.Generation, _settings.Window);
            if (next is null)
            {
                await signal.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                signal.TryRead(out _);
                continue;
            }

            var (entry, duplicate) = next.Value;
            var packet = entry.Packet;

            // Only this loop touches the first byte, and only between writes, so patching the shared array is safe.
            packet[0] = duplicate ? (byte)(packet[0] | MqttPacketEncoder.DupFlag) : (byte)(packet[0] & ~MqttPacketEncoder.DupFlag);
            if (duplicate)
            {
                _logger.Resending(entry.PacketId, entry.Topic);
            }

            await SendAsync(packet, cancellationToken).ConfigureAwait(false);
            if (entry.Qos == MqttQualityOfService.AtMostOnce)
            {
                _queue.CompleteWritten(entry);
            }
        }
    }

    private async Task KeepAliveLoopAsync(CancellationToken cancellationToken)
    {
        var keepAlive = _settings.KeepAlive;
        var deadAfter = keepAlive * 1.5;
        var tick = TimeSpan.FromTicks(Math.Clamp(keepAlive.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        using var timer = new PeriodicTimer(tick, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var sinceReceived = _time.GetElapsedTime(Volatile.Read(ref _lastReceived));

            // Dead only when a PINGREQ went unanswered for a while: if this process itself stalled (GC, CPU
            // starvation on a busy gateway) past 1.5 x keep-alive, the broker deserves a ping before we give up.
            if (sinceReceived > deadAfter
                && Volatile.Read(ref _pingOutstanding) == 1
                && _time.GetElapsedTime(Volatile.Read(ref _pingSent)) >= keepAlive / 2)
            {
                throw new MqttException(
                    $"No packet from the MQTT broker for {sinceReceived.TotalSeconds:F1} s (keep-alive {keepAlive.TotalSeconds:F0} s): the connection is considered dead.");
            }

            var sinceSent = _time.GetElapsedTime(Volatile.Read(ref _lastSent));
            if ((sinceSent >= keepAlive || sinceReceived >= keepAlive) && Interlocked.Exchange(ref _pingOutstanding, 1) == 0)
            {
                Volatile.Write(ref _pingSent, _time.GetTimestamp());
                _logger.PingSent(_settings.Host, _settings.Port);

                // Not awaited: a write stuck on a full socket must not stop the dead-connection check above.
                _ = RunLoopAsync(token => SendAsync(MqttPacketEncoder.PingReq, token));
            }
        }
    }
}
