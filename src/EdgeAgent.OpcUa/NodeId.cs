using System.Globalization;

namespace EdgeAgent.OpcUa;

/// <summary>
/// Identifies a node in a server's address space: a namespace index plus a numeric, string, GUID or opaque identifier.
/// Namespace indexes are server-specific; configuration should use <see cref="ExpandedNodeId"/> with a namespace URI.
/// </summary>
public sealed class NodeId : IEquatable<NodeId>
{
    /// <summary>The null NodeId (ns=0;i=0).</summary>
    public static readonly NodeId Null = new(0u);

    private readonly object _identifier;

    /// <summary>Creates a numeric NodeId.</summary>
    public NodeId(uint value, ushort namespaceIndex = 0)
    {
        _identifier = value;
        NamespaceIndex = namespaceIndex;
        IdType = IdType.Numeric;
    }

    /// <summary>Creates a string NodeId.</summary>
    public NodeId(string value, ushort namespaceIndex)
    {
        ArgumentNullException.ThrowIfNull(value);
        _identifier = value;
        NamespaceIndex = namespaceIndex;
        IdType = IdType.String;
    }

    /// <summary>Creates a GUID NodeId.</summary>
    public NodeId(Guid value, ushort namespaceIndex)
    {
        _identifier = value;
        NamespaceIndex = namespaceIndex;
        IdType = IdType.Guid;
    }

    /// <summary>Creates an opaque (ByteString) NodeId; the bytes are copied.</summary>
    public NodeId(ReadOnlySpan<byte> value, ushort namespaceIndex)
    {
        _identifier = value.ToArray();
        NamespaceIndex = namespaceIndex;
        IdType = IdType.Opaque;
    }

    /// <summary>The namespace index into the server's NamespaceArray.</summary>
    public ushort NamespaceIndex { get; }

    /// <summary>The kind of identifier.</summary>
    public IdType IdType { get; }

    /// <summary>The identifier: <see cref="uint"/>, <see cref="string"/>, <see cref="System.Guid"/> or a copy of the opaque bytes.</summary>
    public object Identifier => _identifier is byte[] bytes ? bytes.Clone() : _identifier;

    /// <summary>The numeric identifier (only for <see cref="IdType.Numeric"/>).</summary>
    public uint NumericId => _identifier is uint n ? n : throw new InvalidOperationException("Not a numeric NodeId.");

    /// <summary>True for ns=0;i=0.</summary>
    public bool IsNull => IdType == IdType.Numeric && NamespaceIndex == 0 && (uint)_identifier == 0;

    internal string StringId => (string)_identifier;

    internal Guid GuidId => (Guid)_identifier;

    internal ReadOnlySpan<byte> OpaqueId => (byte[])_identifier;

    /// <summary>Parses the standard text form: <c>i=85</c>, <c>ns=2;s=Machine1</c>, <c>ns=1;g=…</c>, <c>ns=1;b=base64</c>.</summary>
    public static NodeId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var nodeId))
        {
            throw new FormatException($"'{text}' is not a NodeId (expected e.g. 'i=85' or 'ns=2;s=Name').");
        }

        return nodeId;
    }

    /// <summary>Parses the standard text form; false when it is malformed.</summary>
    public static bool TryParse(string? text, out NodeId nodeId)
    {
        nodeId = Null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        ushort ns = 0;
        var rest = text.AsSpan();
        if (rest.StartsWith("ns=", StringComparison.Ordinal))
        {
            var semi = rest.IndexOf(';');
            if (semi < 0 || !ushort.TryParse(rest[3..semi], NumberStyles.None, CultureInfo.InvariantCulture, out ns))
            {
                return false;
            }

            rest = rest[(semi + 1)..];
        }

        return TryParseIdentifier(rest, ns, out nodeId);
    }

    internal static bool TryParseIdentifier(ReadOnlySpan<char> rest, ushort ns, out NodeId nodeId)
    {
        nodeId = Null;
        if (rest.Length < 2 || rest[1] != '=')
        {
            return false;
        }

        var value = rest[2..];
        switch (rest[0])
        {
            case 'i':
                if (!uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return false;
                }

                nodeId = new NodeId(n, ns);
                return true;
            case 's':
                nodeId = new NodeId(value.ToString(), ns);
                return true;
            case 'g':
                if (!Guid.TryParse(value, out var g))
                {
                    return false;
                }

                nodeId = new NodeId(g, ns);
                return true;
            case 'b':
                var buffer = new byte[(value.Length * 3 / 4) + 3];
                if (!Convert.TryFromBase64Chars(value, buffer, out var written))
                {
                    return false;
                }

                nodeId = new NodeId(buffer.AsSpan(0, written), ns);
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(NodeId? other)
    {
        if (other is null || other.NamespaceIndex != NamespaceIndex || other.IdType != IdType)
        {
            return false;
        }

        return IdType == IdType.Opaque ? OpaqueId.SequenceEqual(other.OpaqueId) : _identifier.Equals(other._identifier);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NodeId);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (IdType != IdType.Opaque)
        {
            return HashCode.Combine(NamespaceIndex, IdType, _identifier);
        }

        var hash = new HashCode();
        hash.Add(NamespaceIndex);
        hash.AddBytes(OpaqueId);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var prefix = NamespaceIndex == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"ns={NamespaceIndex};");
        return prefix + IdentifierText();
    }

    internal string IdentifierText() => IdType switch
    {
        IdType.Numeric => string.Create(CultureInfo.InvariantCulture, $"i={(uint)_identifier}"),
        IdType.String => "s=" + (string)_identifier,
        IdType.Guid => "g=" + ((Guid)_identifier).ToString("D", CultureInfo.InvariantCulture),
        _ => "b=" + Convert.ToBase64String(OpaqueId),
    };

    /// <summary>Value equality.</summary>
    public static bool operator ==(NodeId? left, NodeId? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(NodeId? left, NodeId? right) => !(left == right);
}
