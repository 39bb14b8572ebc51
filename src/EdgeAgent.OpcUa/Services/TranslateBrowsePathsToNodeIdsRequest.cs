using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Resolves browse paths to node ids.</summary>
internal sealed class TranslateBrowsePathsToNodeIdsRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(554u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "TranslateBrowsePathsToNodeIds";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public BrowsePath[] BrowsePaths { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteArray(BrowsePaths, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static TranslateBrowsePathsToNodeIdsRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new TranslateBrowsePathsToNodeIdsRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.BrowsePaths = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => BrowsePath.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
