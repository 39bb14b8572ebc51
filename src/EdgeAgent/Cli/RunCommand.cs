using System.CommandLine;
using EdgeAgent.Hosting;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Cli;

/// <summary><c>edgeagent run --config PATH [--data DIR] [--urls URL]</c>: the service.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var urls = CommonOptions.Urls();
        var command = new Command("run", "Run the agent (what the service managers start)") { config, data, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(config)!;
            var loaded = ConfigFile.LoadOrReport(file, parse.InvocationConfiguration.Error);
            if (loaded is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("edgeagent run: refusing to start on an invalid configuration");
                return 1;
            }

            var dataFolder = DataFolder.Resolve(parse.GetValue(data), loaded, file);
            var app = AgentHost.Build(loaded, dataFolder, parse.GetValue(urls) ?? loaded.Web.Urls, "run");
            await app.RunUntilStoppedAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
