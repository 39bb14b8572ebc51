using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>
/// MQTT publishing (<c>$.publishing.mqtt</c>): every record is published with QoS 1 to <see cref="Topic"/> over a
/// persistent session. Off while <see cref="Host"/> is empty.
/// </summary>
public sealed class PublishingMqttConfig
{
    /// <summary>Broker host name or address; null or empty disables the channel.</summary>
    public string? Host { get; set; }

    /// <summary>Broker port: usually 8883 with TLS, 1883 without.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>Topic of the records; <c>{agentId}</c> and <c>{siteId}</c> are replaced from <c>$.site</c>.</summary>
    public string Topic { get; set; } = "edgeagent/{siteId}/{agentId}/days";

    /// <summary>Client identifier of the persistent session; default <c>edgeagent-{agentId}</c>. Must be unique per gateway.</summary>
    public string? ClientId { get; set; }

    /// <summary>MQTT protocol version.</summary>
    public PublishingMqttVersion ProtocolVersion { get; set; } = PublishingMqttVersion.V500;

    /// <summary>Use TLS (on by default: records leave the plant network).</summary>
    public bool Tls { get; set; } = true;

    /// <summary>PEM file with the CA certificate(s) the broker's certificate must chain to; null uses the operating system's trust store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>PEM client certificate for brokers that require mutual TLS (together with <see cref="ClientKeyPath"/>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificatePath"/> (unencrypted).</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>User name, or null.</summary>
    public string? Username { get; set; }

    /// <summary>Password, or null. Never written out: it is redacted when the configuration is serialized.</summary>
    [JsonConverter(typeof(PublishingSecretConverter))]
    public string? Password { get; set; }

    /// <summary>Keep-alive interval (PINGREQ after this much idle time).</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>How long the broker keeps the session (and unacknowledged messages) after the agent disconnects (MQTT 5).</summary>
    public int SessionExpirySeconds { get; set; } = 7 * 86_400;

    /// <summary>True when a broker host is configured.</summary>
    [JsonIgnore]
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
