using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The targets of one browse path.</summary>
internal sealed class BrowsePathResult : IDecodeable<BrowsePathResult>
{
    public StatusCode StatusCode { get; set; }

    public BrowsePathTarget[] Targets { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteArray(Targets, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowsePathResult Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowsePathResult();
        value.StatusCode = decoder.ReadStatusCode();
        value.Targets = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => BrowsePathTarget.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
