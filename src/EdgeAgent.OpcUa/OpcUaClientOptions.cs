using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Transport;

namespace EdgeAgent.OpcUa;

/// <summary>How <see cref="OpcUaClient"/> connects.</summary>
public sealed record OpcUaClientOptions
{
    /// <summary>The server endpoint, e.g. opc.tcp://192.168.1.10:4840.</summary>
    public required string EndpointUrl { get; init; }

    /// <summary>The channel's security policy URI (see <see cref="SecurityPolicyUris"/>). Only None is implemented.</summary>
    public string SecurityPolicyUri { get; init; } = SecurityPolicyUris.None;

    /// <summary>The channel's security mode.</summary>
    public MessageSecurityMode SecurityMode { get; init; } = MessageSecurityMode.None;

    /// <summary>Who the session acts as.</summary>
    public UserIdentity Identity { get; init; } = UserIdentity.Anonymous;

    /// <summary>
    /// Allow sending a password in clear text when the server offers no user token policy that encrypts it on an
    /// unencrypted channel. Off by default: the connection then fails with BadSecurityPolicyRejected.
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
