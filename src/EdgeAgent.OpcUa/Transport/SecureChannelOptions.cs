using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Security;

namespace EdgeAgent.OpcUa.Transport;

/// <summary>What a secure channel needs to open.</summary>
internal sealed record SecureChannelOptions(
    string EndpointUrl,
    ISecurityPolicy Policy,
    TransportLimits TransportLimits,
    DecodingLimits DecodingLimits,
    TimeSpan RequestedLifetime,
    TimeSpan OperationTimeout);
