using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Lists the references of nodes.</summary>
internal sealed class BrowseRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(527u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "Browse";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public ViewDescription View { get; set; } = new ViewDescription();

    public uint RequestedMaxReferencesPerNode { get; set; }

    public BrowseDescription[] NodesToBrowse { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        View.Encode(encoder);
        encoder.WriteUInt32(RequestedMaxReferencesPerNode);
        encoder.WriteArray(NodesToBrowse, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowseRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowseRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.View = ViewDescription.Decode(ref decoder);
        value.RequestedMaxReferencesPerNode = decoder.ReadUInt32();
        value.NodesToBrowse = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => BrowseDescription.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
