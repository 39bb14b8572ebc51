using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A structure that writes its own binary encoding.</summary>
public interface IEncodeable
{
    /// <summary>Writes the structure's fields in the order of the specification.</summary>
    void Encode(BinaryEncoder encoder);
}
