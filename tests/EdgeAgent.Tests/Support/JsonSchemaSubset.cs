using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EdgeAgent.Tests.Support;

/// <summary>
/// Validates a JSON document against the JSON Schema keywords <c>edgeagent schema</c> emits (type, properties,
/// additionalProperties, items, enum, pattern, format "date"). No schema validator package restores here; an unknown
/// keyword fails loudly, so a new keyword in the generated schema cannot be silently ignored by this test.
/// </summary>
internal static class JsonSchemaSubset
{
    private static readonly HashSet<string> KnownKeywords =
        ["$schema", "$id", "title", "description", "type", "properties", "additionalProperties", "items", "enum", "pattern", "format", "default"];

    public static IReadOnlyList<string> Validate(JsonNode schema, JsonNode? document)
    {
        var errors = new List<string>();
        Check(schema, document, "$", errors);
        return errors;
    }

    private static void Check(JsonNode? schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (!boolean.GetValue<bool>())
            {
                errors.Add($"{path}: not allowed");
            }

            return;
        }

        var rules = schema!.AsObject();
        foreach (var (keyword, _) in rules)
        {
            if (!KnownKeywords.Contains(keyword))
            {
                throw new NotSupportedException($"schema keyword '{keyword}' at {path} is not handled by this validator");
            }
        }

        if (rules["type"] is { } type && !TypeMatches(type, value))
        {
            errors.Add($"{path}: {Kind(value)} is not of type {type.ToJsonString()}");
            return;
        }

        if (rules["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString() ?? "null"} is not one of {allowed.ToJsonString()}");
        }

        if (rules["pattern"] is { } pattern && value is JsonValue text && text.GetValueKind() == JsonValueKind.String &&
            !Regex.IsMatch(text.GetValue<string>(), pattern.GetValue<string>()))
        {
            errors.Add($"{path}: '{text}' does not match {pattern}");
        }

        if (rules["format"]?.GetValue<string>() == "date" && value is JsonValue date && date.GetValueKind() == JsonValueKind.String &&
            !DateOnly.TryParseExact(date.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{path}: '{date}' is not a date (YYYY-MM-DD)");
        }

        if (value is JsonObject obj)
        {
            var properties = rules["properties"]?.AsObject();
            foreach (var (name, member) in obj)
            {
                if (properties is not null && properties.TryGetPropertyValue(name, out var memberSchema))
                {
                    Check(memberSchema, member, $"{path}.{name}", errors);
                }
                else if (rules["additionalProperties"] is { } additional)
                {
                    Check(additional, member, $"{path}.{name}", errors);
                }
            }
        }

        if (value is JsonArray array && rules["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors);
            }
        }
    }

    private static bool TypeMatches(JsonNode type, JsonNode? value) =>
        type is JsonArray any ? any.Any(t => IsKind(t!.GetValue<string>(), value)) : IsKind(type.GetValue<string>(), value);

    private static bool IsKind(string type, JsonNode? value) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
        _ => throw new NotSupportedException($"schema type '{type}'"),
    };

    private static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "unknown",
    };
}
