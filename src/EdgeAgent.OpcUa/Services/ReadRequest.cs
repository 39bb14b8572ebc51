using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Reads attributes of nodes.</summary>
internal sealed class ReadRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(631u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "Read";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public double MaxAge { get; set; }

    public TimestampsToReturn TimestampsToReturn { get; set; }

    public ReadValueId[] NodesToRead { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteDouble(MaxAge);
        encoder.WriteInt32((int)TimestampsToReturn);
        encoder.WriteArray(NodesToRead, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ReadRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ReadRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.MaxAge = decoder.ReadDouble();
        value.TimestampsToReturn = (TimestampsToReturn)decoder.ReadInt32();
        value.NodesToRead = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => ReadValueId.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
