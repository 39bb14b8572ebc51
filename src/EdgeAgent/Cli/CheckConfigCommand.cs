using System.CommandLine;

namespace EdgeAgent.Cli;

/// <summary><c>edgeagent check-config --config PATH</c>: exit 0, or every error with its JSON path and exit 1.</summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check-config", "Validate a configuration file; prints every error with its JSON path") { config };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(config)!;
            var loaded = ConfigFile.LoadOrReport(file, parse.InvocationConfiguration.Error);
            if (loaded is null)
            {
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(
                $"{file.FullName}: OK ({loaded.Equipment.Count} equipment, {loaded.Sources.Count} sources, {loaded.Processes.Count} processes)");
            return 0;
        });
        return command;
    }
}
