using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A sequence of browse steps.</summary>
internal sealed class RelativePath : IEncodeable
{
    public RelativePathElement[] Elements { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteArray(Elements, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static RelativePath Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new RelativePath();
        value.Elements = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => RelativePathElement.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
