using System.Globalization;

namespace EdgeAgent.OpcUa;

/// <summary>A name qualified by a namespace index (browse names).</summary>
public readonly record struct QualifiedName(ushort NamespaceIndex, string? Name)
{
    /// <inheritdoc/>
    public override string ToString() => NamespaceIndex == 0 ? Name ?? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{NamespaceIndex}:{Name}");
}
