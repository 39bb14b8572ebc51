namespace EdgeAgent.OpcUa;

/// <summary>How the body of an <see cref="ExtensionObject"/> is encoded.</summary>
public enum ExtensionObjectEncoding : byte
{
    None = 0,
    Binary = 1,
    Xml = 2,
}
