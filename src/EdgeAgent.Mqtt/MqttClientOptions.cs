using System.Globalization;
using System.Text;

namespace EdgeAgent.Mqtt;

/// <summary>
/// Settings of one MQTT client. A plain class, not a record, so that <see cref="Password"/> can never
/// leak through a generated ToString into a log.
/// </summary>
public sealed class MqttClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Broker port: 1883 for TCP, usually 8883 for TLS.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Client identifier. It must be fixed and unique per gateway for a persistent session:
    /// the broker keeps the session under this name across reconnects.
    /// </summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>3.1.1 (level 4) or 5.0 (level 5).</summary>
    public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V500;

    /// <summary>
    /// False (the default) asks for a persistent session (Clean Session 0 in 3.1.1, Clean Start 0 in 5.0),
    /// so the broker keeps subscriptions and in-flight state across reconnects.
    /// </summary>
    public bool CleanSession { get; set; }

    /// <summary>MQTT 5 Session Expiry Interval: how long the broker keeps the session after a disconnect.</summary>
    public TimeSpan SessionExpiryInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Keep-alive: PINGREQ after this much idle time; the link counts as dead after 1.5 times it without traffic. Zero disables it.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>User name, or null for none.</summary>
    public string? Username { get; set; }

    /// <summary>Password, or null for none. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>TLS settings; TLS is off unless <see cref="MqttTlsOptions.Enabled"/>.</summary>
    public MqttTlsOptions Tls { get; set; } = new();

    /// <summary>Time allowed for TCP connect, TLS handshake and CONNACK together.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest a <see cref="IMqttPublisher.PublishAsync"/> call waits for its PUBACK (across reconnects)
    /// before it fails with <see cref="TimeoutException"/>. <see cref="Timeout.InfiniteTimeSpan"/> waits until cancelled.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most QoS 1 messages sent and not yet acknowledged at one time (lowered to the broker's Receive Maximum).</summary>
    public int MaxInFlight { get; set; } = 16;

    /// <summary>Most messages queued in the client (in flight plus waiting); further calls wait for room.</summary>
    public int MaxQueuedMessages { get; set; } = 1000;

    /// <summary>First reconnect delay; it doubles (with jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest packet accepted from the broker (announced to MQTT 5 brokers); bigger ones are a protocol error.</summary>
    public int MaxIncomingPacketSize { get; set; } = 1024 * 1024;

    /// <summary>Capacity of <see cref="MqttClient.ReceivedMessages"/>; a full buffer slows reading from the socket.</summary>
    public int ReceiveBufferCapacity { get; set; } = 1000;

    /// <summary>Checks the settings; each error names the property it is about.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("Host: required.");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add(Invariant($"Port: {Port} is not in 1..65535."));
        }

        if (!CleanSession && string.IsNullOrEmpty(ClientId))
        {
            errors.Add("ClientId: required for a persistent session (CleanSession false).");
        }

        if (Encoding.UTF8.GetByteCount(ClientId) > 65535 || ClientId.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add("ClientId: longer than 65535 bytes or contains U+0000.");
        }

        if (ProtocolVersion is not (MqttProtocolVersion.V311 or MqttProtocolVersion.V500))
        {
            errors.Add("ProtocolVersion: must be V311 or V500.");
        }

        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue)
        {
            errors.Add("KeepAlive: must be 0..65535 seconds.");
        }

        if (SessionExpiryInterval < TimeSpan.Zero || SessionExpiryInterval.TotalSeconds > uint.MaxValue)
        {
            errors.Add("SessionExpiryInterval: must be 0..4294967295 seconds.");
        }

        if (Password is not null && Username is null && ProtocolVersion == MqttProtocolVersion.V311)
        {
            errors.Add("Username: MQTT 3.1.1 sends a password only together with a user name.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add("ConnectTimeout: must be positive.");
        }

        if (PublishTimeout <= TimeSpan.Zero && PublishTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add("PublishTimeout: must be positive or infinite.");
        }

        if (MaxInFlight is < 1 or > 65535)
        {
            errors.Add("MaxInFlight: must be 1..65535.");
        }

        if (MaxQueuedMessages < MaxInFlight || MaxQueuedMessages > 60000)
        {
            errors.Add("MaxQueuedMessages: must be at least MaxInFlight and at most 60000 (packet identifiers are 16 bit).");
        }

        if (ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            errors.Add("ReconnectMinDelay/ReconnectMaxDelay: need 0 < min <= max.");
        }

        if (MaxIncomingPacketSize is < 128 or > VariableByteIntegerLimit)
        {
            errors.Add("MaxIncomingPacketSize: must be 128..268435460 bytes.");
        }

        if (ReceiveBufferCapacity < 1)
        {
            errors.Add("ReceiveBufferCapacity: must be at least 1.");
        }

        if (Tls.Enabled)
        {
            if (Tls.CaCertificatePath is not null && !File.Exists(Tls.CaCertificatePath))
            {
                errors.Add($"Tls.CaCertificatePath: file '{Tls.CaCertificatePath}' not found.");
            }

            if ((Tls.ClientCertificatePath is null) != (Tls.ClientKeyPath is null))
            {
                errors.Add("Tls.ClientCertificatePath/Tls.ClientKeyPath: give both or neither.");
            }
        }

        return errors;
    }

    // Largest whole packet: 268,435,455 bytes of remaining length plus 5 header bytes.
    private const int VariableByteIntegerLimit = 268_435_460;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
