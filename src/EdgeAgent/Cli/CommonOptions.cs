using System.CommandLine;

namespace EdgeAgent.Cli;

/// <summary>Options shared by several verbs, so they are spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo> Config(bool required = true) => new("--config", "-c")
    {
        Description = "Path to the plant configuration (JSON)",
        Required = required,
    };

    public static Option<DirectoryInfo?> Data() => new("--data")
    {
        Description = "Data folder (overrides storage.dataFolder in the config)",
    };

    public static Option<string?> Urls() => new("--urls")
    {
        Description = "URLs the local web server listens on, e.g. http://127.0.0.1:8080",
    };
}
