using System.Reflection;

namespace EdgeAgent.Tests.Support;

/// <summary>Where the committed files and the built executable are, found from the test assembly's location.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleConfig => Path.Combine(Root, "config", "edgeagent.json");

    public static string Schema => Path.Combine(Root, "config", "edgeagent.schema.json");

    /// <summary>
    /// edgeagent.dll as src/EdgeAgent built it (same configuration as the tests); the copy beside the test assembly
    /// (the project reference puts it there, from the same build) when the tests run from elsewhere.
    /// </summary>
    public static string AgentDll
    {
        get
        {
            var configuration = typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var built = Path.Combine(Root, "src", "EdgeAgent", "bin", configuration, "net10.0", "edgeagent.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "edgeagent.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EdgeAgent.sln not found above {AppContext.BaseDirectory}");
    }
}
