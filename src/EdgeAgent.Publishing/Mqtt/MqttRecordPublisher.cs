using EdgeAgent.Core.Configuration;
using EdgeAgent.Mqtt;
using EdgeAgent.Publishing.Outbox;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Publishing.Mqtt;

/// <summary>
/// Publishes a record's compact JWS (the exact bytes of <c>ledger_records.jws</c>) with QoS 1 over our MQTT client:
/// persistent session, keep-alive, reconnect with backoff. A publish waits across reconnects without a time limit, and
/// the client resends it with DUP after a reconnect, so a broker that is down for days gets the record once it is back
/// without the agent publishing it a second time. The record counts as delivered only on PUBACK.
/// </summary>
public sealed class MqttRecordPublisher : IRecordPublisher
{
    // MQTT 5 PUBACK codes that condemn this one message rather than the link (packet too large, payload format invalid);
    // everything else (quota exceeded, not authorised, unspecified) is retried, with the reason on the status page.
    private static readonly byte[] RecordSpecificCodes = [0x95, 0x99];

    private readonly MqttClient _client;
    private readonly string _topic;
    private readonly string _target;
    private bool _started;

    /// <summary>A publisher for <c>$.publishing.mqtt</c>.</summary>
    public MqttRecordPublisher(PublishingOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Config.Mqtt;
        _topic = options.MqttTopic();
        _target = $"{(config.Tls ? "mqtts" : "mqtt")}://{config.Host}:{config.Port} {_topic}";
        _client = new MqttClient(ClientOptions(options), loggers?.CreateLogger<MqttClient>(), time);
    }

    /// <inheritdoc/>
    public string Target => _target;

    /// <inheritdoc/>
    public bool? Connected => _client.IsConnected;

    /// <summary>The client's settings for <paramref name="options"/>.</summary>
    public static MqttClientOptions ClientOptions(PublishingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Config.Mqtt;
        return new MqttClientOptions
        {
            Host = config.Host ?? string.Empty,
            Port = config.Port,
            ClientId = config.ClientId ?? "edgeagent-" + options.Site.AgentId,
            ProtocolVersion = config.ProtocolVersion == PublishingMqttVersion.V311 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500,
            CleanSession = false,
            SessionExpiryInterval = TimeSpan.FromSeconds(config.SessionExpirySeconds),
            KeepAlive = TimeSpan.FromSeconds(config.KeepAliveSeconds),
            Username = config.Username,
            Password = config.Password,
            Tls = new MqttTlsOptions
            {
                Enabled = config.Tls,
                CaCertificatePath = config.CaCertificatePath,
                ClientCertificatePath = config.ClientCertificatePath,
                ClientKeyPath = config.ClientKeyPath,
            },

            // The outbox keeps the record until PUBACK; the client keeps resending it (DUP) across reconnects meanwhile.
            PublishTimeout = Timeout.InfiniteTimeSpan,
            ReconnectMinDelay = options.RetryDelay,
            ReconnectMaxDelay = options.MaxRetryDelay,
        };
    }

    /// <inheritdoc/>
    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_started)
        {
            // Only the first connection is ours to retry; after it the client reconnects by itself.
            try
            {
                await _client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                _started = true;
            }
            catch (Exception ex) when (ex is MqttException or IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
            {
                return DeliveryResult.Retry(ex.Message);
            }
        }

        try
        {
            await _client.PublishAsync(_topic, item.Payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken).ConfigureAwait(false);
            return DeliveryResult.Delivered;
        }
        catch (MqttPublishException ex) when (ex.ReasonCode is null || RecordSpecificCodes.Contains(ex.ReasonCode.Value))
        {
            return DeliveryResult.Park(ex.Message);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException)
        {
            return DeliveryResult.Retry(ex.Message);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
