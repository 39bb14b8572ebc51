namespace EdgeAgent.Collection.OpcUa;

/// <summary>
/// Parses the configuration's browse paths, <c>/nsu=urn:plant;Machine1/nsu=urn:plant;State</c>: elements separated by
/// '/', each <c>[nsu=URI;]BrowseName</c>, starting from the Objects folder. A namespace URI may contain '/' (an http
/// URI): it runs to the first ';' after "nsu=". Browse names themselves cannot contain '/'.
/// </summary>
public static class OpcUaBrowsePath
{
    /// <summary>The elements of <paramref name="path"/>, or null when it is malformed (empty, an empty element, "nsu=" without ';').</summary>
    public static IReadOnlyList<string>? TryParse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var elements = new List<string>();
        var rest = path.AsSpan().Trim();
        if (rest.StartsWith("/"))
        {
            rest = rest[1..];
        }

        while (!rest.IsEmpty)
        {
            var nameStart = 0;
            if (rest.StartsWith("nsu=", StringComparison.Ordinal))
            {
                var semi = rest.IndexOf(';');
                if (semi <= 4)
                {
                    return null;
                }

                nameStart = semi + 1;
            }

            var slash = rest[nameStart..].IndexOf('/');
            var end = slash < 0 ? rest.Length : nameStart + slash;
            if (end == nameStart)
            {
                return null;
            }

            elements.Add(rest[..end].ToString());
            rest = slash < 0 ? [] : rest[(end + 1)..];
            if (slash >= 0 && rest.IsEmpty)
            {
                return null;
            }
        }

        return elements.Count == 0 ? null : elements;
    }
}
