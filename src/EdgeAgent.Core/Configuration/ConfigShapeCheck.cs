using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdgeAgent.Core.Configuration;

/// <summary>
/// Finds every member of a config file that the configuration model does not have, before deserializing (which stops at
/// the first): each with its JSON path, its line, and the known member it most likely misspells. Walks the file with the
/// serializer's own view of the model (<see cref="JsonTypeInfo"/>), so names follow exactly what deserializing accepts.
/// </summary>
internal static class ConfigShapeCheck
{
    /// <summary>The unknown members of <paramref name="json"/> (already known to be syntactically valid JSON).</summary>
    public static List<ConfigError> UnknownMembers(string json, JsonSerializerOptions options)
    {
        var documentOptions = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = options.AllowTrailingCommas,
        };
        using var document = JsonDocument.Parse(json, documentOptions);
        var errors = new List<ConfigError>();
        Walk(document.RootElement, options.GetTypeInfo(typeof(AgentConfig)), "$", options, errors);
        if (errors.Count > 0)
        {
            var lines = LinesOfMembers(json, options.AllowTrailingCommas);
            for (var i = 0; i < errors.Count; i++)
            {
                if (lines.TryGetValue(errors[i].Path, out var line))
                {
                    errors[i] = errors[i] with { Message = errors[i].Message + $" (line {line})" };
                }
            }
        }

        return errors;
    }

    private static void Walk(JsonElement element, JsonTypeInfo info, string path, JsonSerializerOptions options, List<ConfigError> errors)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var memberPath = Append(path, member.Name);
                    var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Name, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
                    if (property is null)
                    {
                        errors.Add(new ConfigError(memberPath, UnknownMessage(member.Name, info)));
                    }
                    else
                    {
                        Walk(member.Value, options.GetTypeInfo(property.PropertyType), memberPath, options, errors);
                    }
                }

                break;

            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && info.ElementType is { } item:
                var index = 0;
                foreach (var value in element.EnumerateArray())
                {
                    Walk(value, options.GetTypeInfo(item), $"{path}[{index++}]", options, errors);
                }

                break;

            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object && info.ElementType is { } entry:
                foreach (var member in element.EnumerateObject())
                {
                    Walk(member.Value, options.GetTypeInfo(entry), Append(path, member.Name), options, errors);
                }

                break;

            default:
                // A value (or a shape the deserializer will report with its line): nothing to look into.
                break;
        }
    }

    private static string UnknownMessage(string name, JsonTypeInfo info)
    {
        var known = info.Properties.Select(p => p.Name).ToList();
        var closest = known.Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant()))).OrderBy(k => k.Distance).FirstOrDefault();
        var hint = closest.Name is not null && closest.Distance <= Math.Max(2, name.Length / 4)
            ? $"; did you mean '{closest.Name}'?"
            : $"; known here: {string.Join(", ", known)}";
        return $"unknown member '{name}'{hint}";
    }

    /// <summary>Levenshtein distance: how many single-character edits turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Append(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>The 1-based line of every member name in <paramref name="json"/>, by JSON path.</summary>
    private static Dictionary<string, int> LinesOfMembers(string json, bool allowTrailingCommas)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = allowTrailingCommas });
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);

        // Each open container: its path, and for arrays the index of the next element.
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? pendingName = null;
        var newlinesBefore = 0;
        var counted = 0L;
        while (reader.Read())
        {
            for (; counted < reader.TokenStartIndex; counted++)
            {
                if (bytes[counted] == (byte)'\n')
                {
                    newlinesBefore++;
                }
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString();
                    lines.TryAdd(Append(stack.Peek().Path, pendingName ?? string.Empty), newlinesBefore + 1);
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    stack.Push((ValuePath(stack, pendingName), 0, reader.TokenType == JsonTokenType.StartArray));
                    pendingName = null;
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    _ = ValuePath(stack, pendingName);
                    break;
            }

            pendingName = null;
        }

        return lines;
    }

    /// <summary>The path of the value now starting, advancing the enclosing array's index.</summary>
    private static string ValuePath(Stack<(string Path, int NextIndex, bool IsArray)> stack, string? name)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var (path, next, isArray) = stack.Pop();
        stack.Push((path, isArray ? next + 1 : next, isArray));
        return isArray ? $"{path}[{next}]" : Append(path, name ?? string.Empty);
    }
}
