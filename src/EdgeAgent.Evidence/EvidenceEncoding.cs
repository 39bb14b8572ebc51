namespace EdgeAgent.Evidence;

/// <summary>Text encodings of binary evidence: lower-case hex and unpadded base64url (RFC 4648 §5).</summary>
public static class EvidenceEncoding
{
    /// <summary>Lower-case hexadecimal, two characters per byte.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hexadecimal (either case).</summary>
    /// <exception cref="FormatException">Odd length or a non-hex character.</exception>
    public static byte[] FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Convert.FromHexString(hex);
    }

    /// <summary>Base64url without padding, as JOSE (RFC 7515 §2) uses it.</summary>
    public static string ToBase64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>
    /// Strict base64url decoding: only the URL-safe alphabet, no padding, no whitespace, and unused
    /// trailing bits zero, so every byte string has exactly one accepted text (no signature malleability
    /// through alternative spellings).
    /// </summary>
    /// <exception cref="FormatException">Anything but the one canonical spelling of some byte string.</exception>
    public static byte[] FromBase64Url(ReadOnlySpan<char> text)
    {
        if (!TryFromBase64Url(text, out byte[]? bytes))
        {
            throw new FormatException("Not canonical unpadded base64url.");
        }

        return bytes;
    }

    /// <summary>Non-throwing <see cref="FromBase64Url"/>.</summary>
    public static bool TryFromBase64Url(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length % 4 == 1)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        byte[] decoded;
        try
        {
            decoded = System.Buffers.Text.Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        // Reject texts whose unused low bits are set: they decode to the same bytes as the canonical text.
        if (!text.SequenceEqual(ToBase64Url(decoded)))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }
}
