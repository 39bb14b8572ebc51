using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Services;

namespace EdgeAgent.OpcUa.Tests.Server;

/// <summary>
/// A SetPublishingMode request (encoding i=799): a real service the server does not implement, to see it answered
/// BadServiceUnsupported. (Our client has no Write or Call to try, by design.)
/// </summary>
internal sealed class UnservedRequest : IServiceRequest
{
    public RequestHeader RequestHeader { get; set; } = new();

    public NodeId EncodingId => new(799u);

    public string ServiceName => "SetPublishingMode";

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteBoolean(true);
        encoder.WriteArray<uint>([1u], static (e, x) => e.WriteUInt32(x));
    }
}
