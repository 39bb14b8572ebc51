using System.CommandLine;
using EdgeAgent.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
        var windowsService = new Option<bool>("--windows-service")
        {
            Description = "Run under the Windows Service Control Manager (set by installers/windows/install-service.ps1)",
        };
        var command = new Command("run", "Run the agent (what the service managers start)") { config, data, urls, windowsService };
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
            var asService = parse.GetValue(windowsService);
            if (asService && !OperatingSystem.IsWindows())
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--windows-service is for Windows; on Linux the systemd unit runs `edgeagent run` (Type=notify)");
                return 1;
            }

            var app = AgentHost.Build(loaded, dataFolder, parse.GetValue(urls) ?? loaded.Web.Urls, "run", services =>
            {
                if (asService && OperatingSystem.IsWindows())
                {
                    services.AddSingleton<IHostLifetime, WindowsServiceLifetime>();
                }
            });
            await app.RunUntilStoppedAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
