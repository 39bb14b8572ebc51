using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Cli;

/// <summary>Reads a configuration file and reports its errors the same way for every verb.</summary>
internal static class ConfigFile
{
    public static ConfigLoadResult Load(FileInfo file)
    {
        if (!file.Exists)
        {
            return new ConfigLoadResult(null, [new ConfigError("$", $"config file not found: {file.FullName}")]);
        }

        string json;
        try
        {
            json = File.ReadAllText(file.FullName);
        }
        catch (IOException ex)
        {
            return new ConfigLoadResult(null, [new ConfigError("$", $"cannot read {file.FullName}: {ex.Message}")]);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new ConfigLoadResult(null, [new ConfigError("$", $"cannot read {file.FullName}: {ex.Message}")]);
        }

        return ConfigReader.Parse(json, IsKnownTimeZone);
    }

    public static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>Loads the configuration or prints every error (with its JSON path) to stderr and returns null.</summary>
    public static AgentConfig? LoadOrReport(FileInfo file, TextWriter error)
    {
        var result = Load(file);
        if (result.IsValid)
        {
            return result.Config;
        }

        error.WriteLine($"{file.FullName}: {result.Errors.Count} configuration error(s):");
        foreach (var e in result.Errors)
        {
            error.WriteLine($"  {e.Path}: {e.Message}");
        }

        return null;
    }

    /// <summary>The sample plant shipped inside the executable (config/edgeagent.json), used by demo and simulate.</summary>
    public static string SamplePlantJson()
    {
        using var stream = typeof(ConfigFile).Assembly.GetManifestResourceStream("EdgeAgent.config.edgeagent.json")
            ?? throw new InvalidOperationException("the sample plant configuration is missing from the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
