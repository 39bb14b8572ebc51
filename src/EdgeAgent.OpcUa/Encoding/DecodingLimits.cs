namespace EdgeAgent.OpcUa.Encoding;

/// <summary>
/// Upper bounds applied while decoding, so malformed or hostile input fails with a decoding exception instead of
/// allocating without bound. Lengths are also never allowed to exceed the bytes actually remaining.
/// </summary>
public sealed record DecodingLimits
{
    /// <summary>Sensible defaults for a collector (strings 1 MiB, byte strings 4 MiB, arrays 1 M elements, depth 64).</summary>
    public static readonly DecodingLimits Default = new();

    /// <summary>Maximum length in bytes of a String or XmlElement.</summary>
    public int MaxStringLength { get; init; } = 1024 * 1024;

    /// <summary>Maximum length of a ByteString.</summary>
    public int MaxByteStringLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>Maximum number of elements of an array.</summary>
    public int MaxArrayLength { get; init; } = 1024 * 1024;

    /// <summary>Maximum nesting of Variants, DataValues, DiagnosticInfos and structures.</summary>
    public int MaxNestingDepth { get; init; } = 64;
}
