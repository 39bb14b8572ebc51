namespace EdgeAgent.Collection.OpcUa;

/// <summary>Backoff of the OPC UA reconnect loop (exponential with jitter) and how the link is watched.</summary>
public sealed class OpcUaReconnectOptions
{
    /// <summary>Wait before the second connect attempt; it doubles (with jitter) after each failure.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two connect attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Least wait after the server refused for lack of room (BadTooManySessions, BadTooManySubscriptions): hammering a
    /// full server only keeps it full, so these back off from here (doubling, with jitter, up to <see cref="MaxDelay"/>).
    /// </summary>
    public TimeSpan BusyDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an otherwise silent session is proven alive (see <c>OpcUaClientOptions.KeepAliveInterval</c>).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Session timeout requested from the server: how long it keeps a session whose client vanished.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The PKI store (application certificate, trusted/rejected server certificates) used by secured security
    /// policies; null allows SecurityPolicy None only. The host sets it to <c>&lt;data&gt;/pki</c>.
    /// </summary>
    public EdgeAgent.OpcUa.Pki.CertificateStore? Certificates { get; set; }
}
