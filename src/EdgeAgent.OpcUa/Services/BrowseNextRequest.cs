using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Continues (or releases) a browse.</summary>
internal sealed class BrowseNextRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(533u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "BrowseNext";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public bool ReleaseContinuationPoints { get; set; }

    public byte[]?[] ContinuationPoints { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteBoolean(ReleaseContinuationPoints);
        encoder.WriteArray(ContinuationPoints, static (e, x) => e.WriteByteString(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowseNextRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowseNextRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.ReleaseContinuationPoints = decoder.ReadBoolean();
        value.ContinuationPoints = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadByteString());
        decoder.Leave();
        return value;
    }
}
