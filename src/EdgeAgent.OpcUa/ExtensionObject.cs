namespace EdgeAgent.OpcUa;

/// <summary>
/// A structure wrapped with the NodeId of its encoding. The body is kept as raw bytes (binary) or UTF-8 XML;
/// the service layer decodes the bodies it knows (notifications, filters, identity tokens).
/// </summary>
public sealed record ExtensionObject(NodeId TypeId, ExtensionObjectEncoding Encoding, byte[]? Body)
{
    /// <summary>An ExtensionObject with no body.</summary>
    public static readonly ExtensionObject Empty = new(NodeId.Null, ExtensionObjectEncoding.None, null);
}
