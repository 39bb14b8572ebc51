using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Cli;

/// <summary>Where a verb keeps its data: --data wins, else storage.dataFolder relative to the config file.</summary>
internal static class DataFolder
{
    public static string Resolve(DirectoryInfo? data, AgentConfig config, FileInfo configFile) =>
        data?.FullName ?? Path.GetFullPath(config.Storage.DataFolder, Path.GetDirectoryName(configFile.FullName)!);
}
