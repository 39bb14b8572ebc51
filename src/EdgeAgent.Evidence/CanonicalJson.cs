using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): one byte sequence per JSON value, so that a hash or
/// signature over it can be recomputed by anyone with any JCS implementation.
/// </summary>
/// <remarks>
/// Numbers are IEEE-754 doubles, as RFC 8785 §3.2.2.3 prescribes: an integer beyond ±2^53 is written
/// as its nearest double. Values that must survive exactly (big counters, ids) belong in strings.
/// </remarks>
public static class CanonicalJson
{
    /// <summary>The canonical UTF-8 bytes of <paramref name="node"/> (<c>null</c> is the JSON literal null).</summary>
    /// <exception cref="CanonicalJsonException">The value has no canonical form (see the exception's summary).</exception>
    public static byte[] Serialize(JsonNode? node)
    {
        var writer = new CanonicalJsonWriter();
        writer.Write(node, 0);
        return writer.ToArray();
    }

    /// <summary>The canonical UTF-8 bytes of <paramref name="element"/>.</summary>
    /// <exception cref="CanonicalJsonException">The value has no canonical form (see the exception's summary).</exception>
    public static byte[] Serialize(JsonElement element)
    {
        var writer = new CanonicalJsonWriter();
        writer.Write(element, 0);
        return writer.ToArray();
    }

    /// <summary>Parses UTF-8 JSON text (strict RFC 8259: no comments, no trailing commas) and returns its canonical bytes.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="CanonicalJsonException">The value has no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = CanonicalJsonWriter.MaxDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.BytesConsumed != utf8Json.Length && !IsWhitespace(utf8Json[(int)reader.BytesConsumed..]))
        {
            throw new JsonException("Unexpected data after the JSON value.");
        }

        return Serialize(document.RootElement);
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> rest)
    {
        foreach (byte b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
