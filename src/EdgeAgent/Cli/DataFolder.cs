using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Cli;

/// <summary>Where a verb keeps its data: --data wins, else storage.dataFolder relative to the config file.</summary>
internal static class DataFolder
{
    public static string Resolve(DirectoryInfo? data, AgentConfig config, FileInfo configFile) =>
        data?.FullName ?? Path.GetFullPath(config.Storage.DataFolder, Path.GetDirectoryName(configFile.FullName)!);

    /// <summary>--data wins; else the config's data folder; one of them is needed.</summary>
    public static string? Resolve(FileInfo? config, DirectoryInfo? data, TextWriter error)
    {
        if (data is not null)
        {
            return data.FullName;
        }

        if (config is null)
        {
            error.WriteLine("give --data DIR or --config PATH (the agent's data folder)");
            return null;
        }

        var loaded = ConfigFile.LoadOrReport(config, error);
        return loaded is null ? null : Resolve(null, loaded, config);
    }
}
