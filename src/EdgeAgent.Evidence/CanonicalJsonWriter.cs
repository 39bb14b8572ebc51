using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence;

/// <summary>Writes one value in RFC 8785 form; <see cref="CanonicalJson"/> is the public face.</summary>
internal sealed class CanonicalJsonWriter
{
    /// <summary>Deep enough for any record we write, shallow enough that recursion cannot blow the stack.</summary>
    internal const int MaxDepth = 128;

    private static readonly byte[] Null = "null"u8.ToArray();
    private static readonly byte[] True = "true"u8.ToArray();
    private static readonly byte[] False = "false"u8.ToArray();
    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Write(JsonNode? node, int depth)
    {
        CheckDepth(depth);
        switch (node)
        {
            case null:
                Append(Null);
                break;
            case JsonObject obj:
                WriteObject(obj, depth);
                break;
            case JsonArray array:
                AppendByte((byte)'[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        AppendByte((byte)',');
                    }

                    Write(array[i], depth + 1);
                }

                AppendByte((byte)']');
                break;
            case JsonValue value:
                WriteValue(value, depth);
                break;
            default:
                throw new CanonicalJsonException($"Unsupported JSON node type {node.GetType().Name}.");
        }
    }

    public void Write(JsonElement element, int depth)
    {
        CheckDepth(depth);
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Append(Null);
                break;
            case JsonValueKind.True:
                Append(True);
                break;
            case JsonValueKind.False:
                Append(False);
                break;
            case JsonValueKind.Number:
                WriteNumber(ParseNumber(element));
                break;
            case JsonValueKind.String:
                WriteString(GetString(element));
                break;
            case JsonValueKind.Array:
                AppendByte((byte)'[');
                bool first = true;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        AppendByte((byte)',');
                    }

                    first = false;
                    Write(item, depth + 1);
                }

                AppendByte((byte)']');
                break;
            case JsonValueKind.Object:
                WriteObject(element, depth);
                break;
            default:
                throw new CanonicalJsonException($"Undefined JSON value kind {element.ValueKind}.");
        }
    }

    private void WriteObject(JsonObject obj, int depth)
    {
        var members = new List<KeyValuePair<string, JsonNode?>>(obj.Count);
        foreach (KeyValuePair<string, JsonNode?> member in obj)
        {
            members.Add(member);
        }

        // Ordinal comparison of .NET strings is exactly RFC 8785's order: UTF-16 code units, unsigned.
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        AppendByte((byte)'{');
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                AppendByte((byte)',');
            }

            WriteString(members[i].Key);
            AppendByte((byte)':');
            Write(members[i].Value, depth + 1);
        }

        AppendByte((byte)'}');
    }

    private void WriteObject(JsonElement element, int depth)
    {
        var members = new List<KeyValuePair<string, JsonElement>>();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            members.Add(new KeyValuePair<string, JsonElement>(GetName(property), property.Value));
        }

        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        AppendByte((byte)'{');
        for (int i = 0; i < members.Count; i++)
        {
            // Parsed text (unlike JsonObject) can repeat a name; I-JSON forbids it and there is no
            // canonical choice between the two values.
            if (i > 0 && string.Equals(members[i - 1].Key, members[i].Key, StringComparison.Ordinal))
            {
                throw new CanonicalJsonException($"Duplicate member name \"{members[i].Key}\".");
            }

            if (i > 0)
            {
                AppendByte((byte)',');
            }

            WriteString(members[i].Key);
            AppendByte((byte)':');
            Write(members[i].Value, depth + 1);
        }

        AppendByte((byte)'}');
    }

    private void WriteValue(JsonValue value, int depth)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            Write(element, depth);
            return;
        }

        // Strings go straight to our writer: System.Text.Json would silently replace a lone surrogate.
        if (value.TryGetValue(out string? text))
        {
            WriteString(text);
            return;
        }

        if ((value.TryGetValue(out double d) && !double.IsFinite(d)) || (value.TryGetValue(out float f) && !float.IsFinite(f)))
        {
            throw new CanonicalJsonException("NaN and infinities have no JSON representation.");
        }

        // A JsonValue can wrap any CLR value (int, decimal, DateTime, Guid, enum ...). Let System.Text.Json
        // write it as JSON text once and canonicalize that: the same path as parsed input, so a value
        // canonicalizes identically whether it came from a document or from code.
        var scratch = new ArrayBufferWriter<byte>(64);
        try
        {
            using (var jsonWriter = new Utf8JsonWriter(scratch))
            {
                value.WriteTo(jsonWriter);
            }
        }
        catch (ArgumentException ex)
        {
            throw new CanonicalJsonException("The value has no JSON representation.", ex);
        }

        using var document = JsonDocument.Parse(scratch.WrittenMemory);
        Write(document.RootElement, depth);
    }

    private static double ParseNumber(JsonElement element)
    {
        // The raw text is already valid JSON number grammar; double.Parse rounds it correctly (IEEE
        // round-to-nearest-even), which is the conversion RFC 8785 assumes.
        double d = double.Parse(JsonMarshal.GetRawUtf8Value(element), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(d))
        {
            throw new CanonicalJsonException($"Number {element.GetRawText()} is outside the range of a double.");
        }

        return d;
    }

    private static string GetString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new CanonicalJsonException("String is not valid Unicode.", ex);
        }
    }

    private static string GetName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException ex)
        {
            throw new CanonicalJsonException("Member name is not valid Unicode.", ex);
        }
    }

    private void WriteNumber(double value)
    {
        string text = EcmaScriptNumber.Format(value);
        Span<byte> span = _buffer.GetSpan(text.Length);
        int written = Encoding.ASCII.GetBytes(text, span);
        _buffer.Advance(written);
    }

    private void WriteString(string value)
    {
        AppendByte((byte)'"');
        int runStart = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw new CanonicalJsonException($"Lone surrogate U+{(int)c:X4} at index {i}: the string is not valid Unicode.");
            }

            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            AppendUtf8(value.AsSpan(runStart, i - runStart));
            runStart = i + 1;
            switch (c)
            {
                case '"': Append("\\\""u8); break;
                case '\\': Append("\\\\"u8); break;
                case '\b': Append("\\b"u8); break;
                case '\f': Append("\\f"u8); break;
                case '\n': Append("\\n"u8); break;
                case '\r': Append("\\r"u8); break;
                case '\t': Append("\\t"u8); break;
                default:
                    Append("\\u00"u8);
                    AppendByte(HexDigits[c >> 4]);
                    AppendByte(HexDigits[c & 0xF]);
                    break;
            }
        }

        AppendUtf8(value.AsSpan(runStart));
        AppendByte((byte)'"');
    }

    private void AppendUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        Span<byte> span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        int written = Encoding.UTF8.GetBytes(text, span);
        _buffer.Advance(written);
    }

    private void Append(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    private void AppendByte(byte b)
    {
        _buffer.GetSpan(1)[0] = b;
        _buffer.Advance(1);
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CanonicalJsonException($"JSON nesting deeper than {MaxDepth} levels.");
        }
    }
}
