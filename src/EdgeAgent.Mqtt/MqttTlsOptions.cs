namespace EdgeAgent.Mqtt;

/// <summary>TLS settings. The broker's host name is always checked against its certificate.</summary>
public sealed class MqttTlsOptions
{
    /// <summary>Use TLS (SslStream) instead of plain TCP.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// PEM file with the CA certificate(s) that must sign the broker's certificate. When set, only
    /// these roots are trusted (the operating system store is ignored) and revocation is not checked,
    /// because private plant CAs rarely publish CRLs. When null, the operating system trust store is used.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>PEM file with the client certificate, for brokers that require mutual TLS.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM file with the client certificate's private key (unencrypted PKCS#8, PKCS#1 or SEC1).</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>Name to validate the broker certificate against; defaults to <see cref="MqttClientOptions.Host"/>.</summary>
    public string? TargetHost { get; set; }
}
