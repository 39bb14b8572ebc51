using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeAgent.Core.Configuration;

/// <summary>Checks a parsed configuration and reports every problem with its JSON path.</summary>
public static partial class ConfigValidator
{
    private static readonly string[] SecurityPolicies = ["None", "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"];
    private static readonly string[] SecurityModes = ["None", "Sign", "SignAndEncrypt"];

    // Bearer tokens of the web APIs: long enough that guessing one is hopeless.
    private const int MinTokenLength = 16;

    /// <summary>Returns every error found; an empty list means the configuration is usable.</summary>
    public static IReadOnlyList<ConfigError> Validate(AgentConfig config, Func<string, bool>? isKnownTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ConfigError>();
        void Error(string path, string message) => errors.Add(new ConfigError(path, message));

        ValidateSite(config.Site, isKnownTimeZone, Error);

        var processIds = UniqueIds(config.Processes, p => p.Id, "$.processes", Error);
        var sourceIds = UniqueIds(config.Sources, s => s.Id, "$.sources", Error);
        UniqueIds(config.Equipment, e => e.Id, "$.equipment", Error);

        for (var i = 0; i < config.Sources.Count; i++)
        {
            ValidateSource(config.Sources[i], $"$.sources[{i}]", Error);
        }

        var sourcesById = config.Sources.Where(s => !string.IsNullOrEmpty(s.Id)).GroupBy(s => s.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < config.Equipment.Count; i++)
        {
            ValidateEquipment(config.Equipment[i], $"$.equipment[{i}]", processIds, sourceIds, sourcesById, Error);
        }

        ValidateStorage(config.Storage, Error);
        ValidateWeb(config.Web, Error);
        ValidateIndicators(config, Error);
        ValidatePublishing(config.Publishing, Error);
        return errors;
    }

    private static void ValidateSite(SiteConfig site, Func<string, bool>? isKnownTimeZone, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(site.Id))
        {
            error("$.site.id", "is required");
        }

        if (string.IsNullOrWhiteSpace(site.Industry))
        {
            error("$.site.industry", "is required: the GB/T 4754-2017 industry code (e.g. \"C34\" or \"3411\") selects the thresholds");
        }
        else if (!IndustryCode().IsMatch(site.Industry))
        {
            error("$.site.industry", $"'{site.Industry}' is not a GB/T 4754-2017 code: a section letter and/or 2 to 4 digits, e.g. \"C\", \"C34\", \"34\", \"3411\"");
        }

        if (string.IsNullOrWhiteSpace(site.TimeZone))
        {
            error("$.site.timeZone", "is required (e.g. \"Asia/Shanghai\")");
        }
        else if (isKnownTimeZone is not null && !isKnownTimeZone(site.TimeZone))
        {
            error("$.site.timeZone", $"unknown time zone '{site.TimeZone}'");
        }

        if (string.IsNullOrWhiteSpace(site.AgentId))
        {
            error("$.site.agentId", "is required");
        }
    }

    private static void ValidateSource(SourceConfig source, string path, Action<string, string> error)
    {
        Range(source.PollIntervalMs, 100, 3_600_000, $"{path}.pollIntervalMs", error);
        Range(source.RequestTimeoutMs, 50, 60_000, $"{path}.requestTimeoutMs", error);
        switch (source.Protocol)
        {
            case SourceProtocol.ModbusTcp:
                if (string.IsNullOrWhiteSpace(source.Host))
                {
                    error($"{path}.host", "is required for a modbus-tcp source");
                }

                Range(source.Port, 1, 65535, $"{path}.port", error);
                Range(source.UnitId, 0, 255, $"{path}.unitId", error);
                Range(source.MaxGap, 0, 125, $"{path}.maxGap", error);
                Range(source.MaxRegistersPerRequest, 1, 125, $"{path}.maxRegistersPerRequest", error);
                Range(source.MaxBitsPerRequest, 1, 2000, $"{path}.maxBitsPerRequest", error);
                break;
            case SourceProtocol.OpcUa:
                if (string.IsNullOrWhiteSpace(source.EndpointUrl) ||
                    !Uri.TryCreate(source.EndpointUrl, UriKind.Absolute, out var uri) || uri.Scheme != "opc.tcp")
                {
                    error($"{path}.endpointUrl", "is required for an opc-ua source and must look like opc.tcp://host:port/path");
                }

                if (!SecurityPolicies.Contains(source.SecurityPolicy, StringComparer.Ordinal))
                {
                    error($"{path}.securityPolicy", $"'{source.SecurityPolicy}' is not one of {string.Join(", ", SecurityPolicies)}");
                }

                if (!SecurityModes.Contains(source.SecurityMode, StringComparer.Ordinal))
                {
                    error($"{path}.securityMode", $"'{source.SecurityMode}' is not one of {string.Join(", ", SecurityModes)}");
                }
                else if ((source.SecurityPolicy == "None") != (source.SecurityMode == "None"))
                {
                    error($"{path}.securityMode", "securityPolicy None goes with securityMode None, and only with it");
                }

                if (source.Password is not null && string.IsNullOrEmpty(source.Username))
                {
                    error($"{path}.username", "is required when a password is given");
                }

                break;
        }
    }

    private static void ValidateEquipment(
        EquipmentConfig equipment,
        string path,
        HashSet<string> processIds,
        HashSet<string> sourceIds,
        Dictionary<string, SourceConfig> sourcesById,
        Action<string, string> error)
    {
        if (equipment.Process is not null && !processIds.Contains(equipment.Process))
        {
            error($"{path}.process", $"unknown process '{equipment.Process}' (not in $.processes)");
        }

        if (equipment.InServiceFrom is { } from && equipment.InServiceTo is { } to && to < from)
        {
            error($"{path}.inServiceTo", "is before inServiceFrom");
        }

        SourceConfig? source = null;
        if (equipment.Source is not null)
        {
            if (!sourceIds.Contains(equipment.Source))
            {
                error($"{path}.source", $"unknown source '{equipment.Source}' (not in $.sources)");
            }
            else
            {
                sourcesById.TryGetValue(equipment.Source, out source);
            }

            if (!equipment.HasCommunicationInterface)
            {
                error($"{path}.hasCommunicationInterface", "must be true for equipment that is collected from a source");
            }
        }
        else if (equipment.Tags.Count > 0)
        {
            error($"{path}.tags", "tags need a source: set $.equipment[].source or remove the tags");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < equipment.Tags.Count; t++)
        {
            var tag = equipment.Tags[t];
            var tagPath = $"{path}.tags[{t}]";
            if (string.IsNullOrWhiteSpace(tag.Name))
            {
                error($"{tagPath}.name", "is required");
            }
            else if (!names.Add(tag.Name))
            {
                error($"{tagPath}.name", $"duplicate tag name '{tag.Name}' in this equipment");
            }

            if (double.IsNaN(tag.Deadband) || tag.Deadband < 0)
            {
                error($"{tagPath}.deadband", "must be 0 or more");
            }

            if (tag.Scale == 0 || !double.IsFinite(tag.Scale))
            {
                error($"{tagPath}.scale", "must be a finite, non-zero number");
            }

            if (tag.Role == TagRole.RunState && (tag.States is null || tag.States.Count == 0))
            {
                error($"{tagPath}.states", "a run-state tag needs a map from raw codes to run, idle, down or off");
            }

            if (tag.States is not null)
            {
                foreach (var (code, state) in tag.States)
                {
                    if (state is not ("run" or "idle" or "down" or "off"))
                    {
                        error($"{tagPath}.states.{code}", $"'{state}' is not one of run, idle, down, off");
                    }
                }
            }

            if (source?.Protocol == SourceProtocol.ModbusTcp)
            {
                ValidateModbusTag(tag, tagPath, error);
            }
            else if (source?.Protocol == SourceProtocol.OpcUa)
            {
                ValidateOpcUaTag(tag, tagPath, error);
            }
        }
    }

    private static void ValidateModbusTag(TagConfig tag, string path, Action<string, string> error)
    {
        var bitTable = tag.Table is TagTable.Coil or TagTable.Discrete;
        if (bitTable && tag.Type != TagType.Bool)
        {
            error($"{path}.type", $"a {(tag.Table == TagTable.Coil ? "coil" : "discrete")} tag must be of type bool");
        }

        if (tag.Type == TagType.String && tag.Length <= 0)
        {
            error($"{path}.length", "a string tag needs its length in registers (1 to 125)");
        }

        if (tag.Length > 125)
        {
            error($"{path}.length", "must be at most 125 registers");
        }

        var count = RegisterCount(tag);
        if (tag.Address < 0 || tag.Address + count > 65536)
        {
            error($"{path}.address", $"{tag.Address} is outside 0..{65536 - count} (zero-based protocol address)");
        }
    }

    private static void ValidateOpcUaTag(TagConfig tag, string path, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(tag.NodeId) == string.IsNullOrWhiteSpace(tag.BrowsePath))
        {
            error($"{path}.nodeId", "give exactly one of nodeId or browsePath");
        }

        // Namespace indexes change when a server is reconfigured; only namespace URIs are stable.
        if (tag.NodeId is not null && NamespaceIndex().IsMatch(tag.NodeId))
        {
            error($"{path}.nodeId", $"'{tag.NodeId}' uses a namespace index; use the namespace URI (nsu=URI;...) so the tag survives server changes");
        }
    }

    /// <summary>Registers (or bits) a Modbus tag occupies.</summary>
    public static int RegisterCount(TagConfig tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.Type switch
        {
            TagType.Bool or TagType.Int16 or TagType.UInt16 => 1,
            TagType.Int32 or TagType.UInt32 or TagType.Float32 => 2,
            TagType.Int64 or TagType.UInt64 or TagType.Float64 => 4,
            TagType.String => Math.Max(1, tag.Length),
            _ => 1,
        };
    }

    private static void ValidateStorage(StorageConfig storage, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(storage.DataFolder))
        {
            error("$.storage.dataFolder", "is required");
        }

        if (storage.RetentionDays < StorageConfig.MinimumRetentionDays)
        {
            error("$.storage.retentionDays", string.Create(CultureInfo.InvariantCulture,
                $"{storage.RetentionDays} is below the minimum of {StorageConfig.MinimumRetentionDays} days (assessments ask for at least 3 months of history)"));
        }

        Range(storage.HeartbeatSeconds, 1, 86_400, "$.storage.heartbeatSeconds", error);
        Range(storage.BatchSize, 1, 1_000_000, "$.storage.batchSize", error);
    }

    private static void ValidateWeb(WebConfig web, Action<string, string> error)
    {
        foreach (var url in web.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                error("$.web.urls", $"'{url}' is not an http(s) URL");
            }
        }

        LongEnough(web.EvidenceTokens, "$.web.evidenceTokens", error);
        LongEnough(web.OperatorTokens, "$.web.operatorTokens", error);
        for (var i = 0; i < web.OperatorTokens.Count; i++)
        {
            if (web.OperatorTokens[i].Length >= MinTokenLength && web.EvidenceTokens.Contains(web.OperatorTokens[i], StringComparer.Ordinal))
            {
                error($"$.web.operatorTokens[{i}]", "is also an evidence token: a platform that reads the evidence must not be able to enter output facts; use a different token");
            }
        }
    }

    private static void LongEnough(List<string> tokens, string path, Action<string, string> error)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Length < MinTokenLength)
            {
                error($"{path}[{i}]", "is too short: use at least 16 random characters");
            }
        }
    }

    private static HashSet<string> UniqueIds<T>(List<T> items, Func<T, string> id, string path, Action<string, string> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var value = id(items[i]);
            if (string.IsNullOrWhiteSpace(value))
            {
                error($"{path}[{i}].id", "is required");
            }
            else if (!seen.Add(value))
            {
                error($"{path}[{i}].id", $"duplicate id '{value}'");
            }
        }

        return seen;
    }

    internal static void Range(int value, int min, int max, string path, Action<string, string> error)
    {
        if (value < min || value > max)
        {
            error(path, string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}..{max}"));
        }
    }

    internal static void Share(double value, string path, Action<string, string> error)
    {
        if (!(value >= 0 && value <= 1))
        {
            error(path, string.Create(CultureInfo.InvariantCulture, $"{value} must be a share between 0 and 1"));
        }
    }

    [GeneratedRegex(@"^[A-T]?(\d{2,4})?$")]
    private static partial Regex IndustryCode();

    [GeneratedRegex(@"(^|;)ns=\d+;")]
    private static partial Regex NamespaceIndex();
}
