using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Pki;
using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Transport;

namespace EdgeAgent.OpcUa;

/// <summary>How <see cref="OpcUaClient"/> connects.</summary>
public sealed record OpcUaClientOptions
{
    /// <summary>The server endpoint, e.g. opc.tcp://192.168.1.10:4840.</summary>
    public required string EndpointUrl { get; init; }

    /// <summary>
    /// The channel's security policy URI (see <see cref="SecurityPolicyUris"/>): None, Basic256Sha256,
    /// Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss. Policies other than None need <see cref="CertificateStore"/>.
    /// </summary>
    public string SecurityPolicyUri { get; init; } = SecurityPolicyUris.None;

    /// <summary>The channel's security mode: None with policy None, else Sign or SignAndEncrypt.</summary>
    public MessageSecurityMode SecurityMode { get; init; } = MessageSecurityMode.None;

    /// <summary>
    /// Where the application instance certificate lives (created on first use) and which server certificates are
    /// trusted. Required for secured policies; on a secured channel the session's ApplicationUri is the certificate's URI.
    /// </summary>
    public CertificateStore? CertificateStore { get; init; }

    /// <summary>
    /// Trust an unknown server certificate the first time it is seen (it is copied to trusted/). Off by default:
    /// the certificate lands in rejected/ and the connection fails with BadCertificateUntrusted until someone runs
    /// <c>edgeagent opcua trust THUMBPRINT</c>.
    /// </summary>
    public bool TrustOnFirstUse { get; init; }

    /// <summary>Who the session acts as.</summary>
    public UserIdentity Identity { get; init; } = UserIdentity.Anonymous;

    /// <summary>
    /// Allow sending a password without encrypting it with the server certificate when the server offers no user
    /// token policy that encrypts it and the channel is not SignAndEncrypt. Off by default: the connection then fails
    /// with BadSecurityPolicyRejected.
    /// </summary>
    public bool AllowUnencryptedPassword { get; init; }

    public string ApplicationName { get; init; } = "EdgeAgent";

    public string ApplicationUri { get; init; } = "urn:edgeagent:opcua-client";

    public string ProductUri { get; init; } = "urn:edgeagent";

    /// <summary>The session name shown in the server's diagnostics.</summary>
    public string SessionName { get; init; } = "EdgeAgent";

    /// <summary>How long the server keeps the session without requests (revised by the server).</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Timeout of connect and of each non-Publish request.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Requested secure channel token lifetime; the token is renewed at 75% of it.</summary>
    public TimeSpan ChannelLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the connection is checked when no other traffic proved it alive: a Read of ServerStatus.State.
    /// With subscriptions, missing publish keep-alives are detected too.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many Publish requests are kept outstanding (so notifications flow without round-trip gaps).</summary>
    public int PublishRequestCount { get; init; } = 3;

    public TransportLimits TransportLimits { get; init; } = new();

    public DecodingLimits DecodingLimits { get; init; } = DecodingLimits.Default;
}
