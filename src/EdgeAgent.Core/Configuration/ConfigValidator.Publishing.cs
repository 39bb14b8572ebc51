namespace EdgeAgent.Core.Configuration;

public static partial class ConfigValidator
{
    private static void ValidatePublishing(PublishingConfig publishing, Action<string, string> error)
    {
        Range(publishing.RetryDelaySeconds, 1, 3600, "$.publishing.retryDelaySeconds", error);
        Range(publishing.MaxRetryDelaySeconds, 1, 86_400, "$.publishing.maxRetryDelaySeconds", error);
        if (publishing.MaxRetryDelaySeconds < publishing.RetryDelaySeconds)
        {
            error("$.publishing.maxRetryDelaySeconds", "must not be below retryDelaySeconds");
        }

        var https = publishing.Https;
        if (https.Enabled)
        {
            // Records are evidence and the token a credential: neither travels in clear text.
            if (!Uri.TryCreate(https.Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                error("$.publishing.https.url", $"'{https.Url}' is not an absolute https:// URL");
            }

            Range(https.TimeoutSeconds, 1, 600, "$.publishing.https.timeoutSeconds", error);
            ClientCertificatePair(https.ClientCertificatePath, https.ClientKeyPath, "$.publishing.https", error);
            if (https.BearerToken is { } token && (token.Length == 0 || token.Any(char.IsControl)))
            {
                error("$.publishing.https.bearerToken", "must be non-empty and free of control characters");
            }
        }

        var mqtt = publishing.Mqtt;
        if (mqtt.Enabled)
        {
            Range(mqtt.Port, 1, 65535, "$.publishing.mqtt.port", error);
            Range(mqtt.KeepAliveSeconds, 0, 65535, "$.publishing.mqtt.keepAliveSeconds", error);
            if (mqtt.SessionExpirySeconds < 0)
            {
                error("$.publishing.mqtt.sessionExpirySeconds", "must be 0 or more");
            }

            if (string.IsNullOrWhiteSpace(mqtt.Topic))
            {
                error("$.publishing.mqtt.topic", "is required");
            }
            else if (mqtt.Topic.Contains('#', StringComparison.Ordinal) || mqtt.Topic.Contains('+', StringComparison.Ordinal) || mqtt.Topic.Contains('\0', StringComparison.Ordinal))
            {
                error("$.publishing.mqtt.topic", $"'{mqtt.Topic}' is not a topic name: no wildcards (# +) or U+0000");
            }

            if (!Enum.IsDefined(mqtt.ProtocolVersion))
            {
                error("$.publishing.mqtt.protocolVersion", "must be \"5.0\" or \"3.1.1\"");
            }

            if (mqtt.ClientId is { Length: 0 })
            {
                error("$.publishing.mqtt.clientId", "must not be empty (leave it out for edgeagent-{agentId})");
            }

            if (mqtt.Password is not null && mqtt.Username is null && mqtt.ProtocolVersion == PublishingMqttVersion.V311)
            {
                error("$.publishing.mqtt.username", "MQTT 3.1.1 sends a password only together with a user name");
            }

            if (!mqtt.Tls && (mqtt.CaCertificatePath is not null || mqtt.ClientCertificatePath is not null))
            {
                error("$.publishing.mqtt.tls", "certificates are given but tls is false");
            }

            ClientCertificatePair(mqtt.ClientCertificatePath, mqtt.ClientKeyPath, "$.publishing.mqtt", error);
        }
    }

    private static void ClientCertificatePair(string? certificate, string? key, string path, Action<string, string> error)
    {
        if ((certificate is null) != (key is null))
        {
            error($"{path}.{(certificate is null ? "clientCertificatePath" : "clientKeyPath")}", "clientCertificatePath and clientKeyPath go together: give both or neither");
        }
    }
}
