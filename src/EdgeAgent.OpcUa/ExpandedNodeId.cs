using System.Globalization;

namespace EdgeAgent.OpcUa;

/// <summary>
/// A NodeId that may name its namespace by URI instead of index (text form <c>nsu=urn:vendor:cnc;s=Spindle.Speed</c>),
/// and optionally a server index. Configuration addresses nodes this way so a server renumbering its namespaces
/// cannot silently redirect a collector to the wrong node.
/// </summary>
public sealed record ExpandedNodeId
{
    /// <summary>Creates an expanded id from a local NodeId, a namespace URI (which overrides the index) and a server index.</summary>
    public ExpandedNodeId(NodeId nodeId, string? namespaceUri = null, uint serverIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        NodeId = nodeId;
        NamespaceUri = string.IsNullOrEmpty(namespaceUri) ? null : namespaceUri;
        ServerIndex = serverIndex;
    }

    /// <summary>The identifier; its namespace index is meaningful only when <see cref="NamespaceUri"/> is null.</summary>
    public NodeId NodeId { get; }

    /// <summary>The namespace URI, when the id names its namespace by URI.</summary>
    public string? NamespaceUri { get; }

    /// <summary>The server index (0 = the local server).</summary>
    public uint ServerIndex { get; }

    /// <summary>
    /// Parses <c>[svr=N;](nsu=URI;|ns=N;)(i=|s=|g=|b=)…</c>. A URI containing ';' is supported because the
    /// identifier part starts at the last ";i=", ";s=", ";g=" or ";b=" that follows "nsu=".
    /// </summary>
    public static ExpandedNodeId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var id))
        {
            throw new FormatException($"'{text}' is not an ExpandedNodeId (expected e.g. 'nsu=urn:vendor;s=Name' or 'ns=2;i=5').");
        }

        return id;
    }

    /// <summary>Parses the text form; false when it is malformed.</summary>
    public static bool TryParse(string? text, out ExpandedNodeId id)
    {
        id = new ExpandedNodeId(NodeId.Null);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var rest = text.AsSpan();
        uint server = 0;
        if (rest.StartsWith("svr=", StringComparison.Ordinal))
        {
            var semi = rest.IndexOf(';');
            if (semi < 0 || !uint.TryParse(rest[4..semi], NumberStyles.None, CultureInfo.InvariantCulture, out server))
            {
                return false;
            }

            rest = rest[(semi + 1)..];
        }

        if (rest.StartsWith("nsu=", StringComparison.Ordinal))
        {
            // The identifier of a string NodeId may itself contain ";s=", so take the first identifier marker.
            var body = rest[4..];
            var split = FirstIdentifierMarker(body);
            if (split <= 0)
            {
                return false;
            }

            var uri = Uri.UnescapeDataString(body[..split].ToString());
            if (!NodeId.TryParseIdentifier(body[(split + 1)..], 0, out var local))
            {
                return false;
            }

            id = new ExpandedNodeId(local, uri, server);
            return true;
        }

        if (!NodeId.TryParse(rest.ToString(), out var nodeId))
        {
            return false;
        }

        id = new ExpandedNodeId(nodeId, null, server);
        return true;
    }

    private static int FirstIdentifierMarker(ReadOnlySpan<char> body)
    {
        for (var i = 0; i + 2 < body.Length; i++)
        {
            if (body[i] == ';' && body[i + 2] == '=' && body[i + 1] is 'i' or 's' or 'g' or 'b')
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var server = ServerIndex == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"svr={ServerIndex};");
        return NamespaceUri is null
            ? server + NodeId
            : server + "nsu=" + NamespaceUri.Replace(";", "%3B", StringComparison.Ordinal) + ";" + NodeId.IdentifierText();
    }

    /// <summary>Wraps a local NodeId.</summary>
    public static implicit operator ExpandedNodeId(NodeId nodeId) => new(nodeId);
}
