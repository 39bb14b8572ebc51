namespace EdgeAgent.TestPeers.Mqtt;

/// <summary>What a test broker's mosquitto.conf should say beyond the defaults (127.0.0.1 listener, persistence, log to stderr).</summary>
public sealed record MosquittoSettings
{
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>File made by <see cref="MosquittoBroker.CreatePasswordFile"/> (mosquitto_passwd -b -c).</summary>
    public string? PasswordFile { get; init; }

    public string? CaFile { get; init; }

    public string? CertFile { get; init; }

    public string? KeyFile { get; init; }

    /// <summary>Mutual TLS: clients must present a certificate signed by <see cref="CaFile"/>.</summary>
    public bool RequireCertificate { get; init; }
}
