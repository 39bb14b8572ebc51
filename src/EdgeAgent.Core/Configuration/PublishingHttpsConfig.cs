using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>
/// HTTPS publishing (<c>$.publishing.https</c>): every record is POSTed to <see cref="Url"/> with its record hash as
/// <c>Idempotency-Key</c>. Off while <see cref="Url"/> is empty.
/// </summary>
public sealed class PublishingHttpsConfig
{
    /// <summary>Absolute https:// URL the records are POSTed to; null or empty disables the channel.</summary>
    public string? Url { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set. Never written out: it is redacted when the configuration is serialized.</summary>
    [JsonConverter(typeof(PublishingSecretConverter))]
    public string? BearerToken { get; set; }

    /// <summary>Time allowed for one request (connect, TLS, upload and response).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>PEM file with the CA certificate(s) the platform's certificate must chain to; null uses the operating system's trust store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>PEM client certificate, for platforms that require mutual TLS (together with <see cref="ClientKeyPath"/>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificatePath"/> (unencrypted).</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>True when a URL is configured.</summary>
    [JsonIgnore]
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
