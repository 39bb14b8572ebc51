using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The references of one browsed node.</summary>
internal sealed class BrowseResult : IDecodeable<BrowseResult>
{
    public StatusCode StatusCode { get; set; }

    public byte[]? ContinuationPoint { get; set; }

    public ReferenceDescription[] References { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteByteString(ContinuationPoint);
        encoder.WriteArray(References, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowseResult Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowseResult();
        value.StatusCode = decoder.ReadStatusCode();
        value.ContinuationPoint = decoder.ReadByteString();
        value.References = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => ReferenceDescription.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
