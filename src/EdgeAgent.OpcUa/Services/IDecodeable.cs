using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A structure that can also be read back from the binary encoding (Part 6 §5.2).</summary>
/// <typeparam name="TSelf">The structure itself.</typeparam>
internal interface IDecodeable<TSelf> : IEncodeable
    where TSelf : IDecodeable<TSelf>
{
    /// <summary>Reads an instance from the binary encoding.</summary>
    static abstract TSelf Decode(ref BinaryDecoder decoder);
}
