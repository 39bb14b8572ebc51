using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EdgeAgent.Core.Configuration;

/// <summary>
/// Parses and validates the plant configuration from JSON text. Pure: the caller reads the file and
/// passes a time-zone resolver, so Core does no I/O.
/// </summary>
public static class ConfigReader
{
    /// <summary>The JSON options used for the config file: camelCase, comments and trailing commas allowed, unknown members rejected.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A typo in a member name must fail with its path, not be silently ignored.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Named explicitly so the model's metadata can be asked for (ConfigShapeCheck), as deserializing does.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Parses <paramref name="json"/> and validates it; returns every error with its JSON path.</summary>
    public static ConfigLoadResult Parse(string json, Func<string, bool>? isKnownTimeZone = null)
    {
        AgentConfig? config;
        try
        {
            // Every misspelt member at once, with a suggestion; deserializing would stop at the first.
            var unknown = ConfigShapeCheck.UnknownMembers(json, JsonOptions);
            if (unknown.Count > 0)
            {
                return new ConfigLoadResult(null, unknown);
            }

            config = JsonSerializer.Deserialize<AgentConfig>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            return new ConfigLoadResult(null, [new ConfigError(ex.Path ?? "$", Describe(ex))]);
        }

        if (config is null)
        {
            return new ConfigLoadResult(null, [new ConfigError("$", "the file holds JSON null, expected an object")]);
        }

        var errors = ConfigValidator.Validate(config, isKnownTimeZone);
        return new ConfigLoadResult(config, errors);
    }

    private static string Describe(JsonException ex)
    {
        // System.Text.Json messages end with "Path: $.x | LineNumber: 3 | BytePositionInLine: 7."; keep the line, the path is reported apart.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
        return message.TrimEnd() + line;
    }
}
