using System.CommandLine;
using System.Globalization;
using EdgeAgent.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent simulate --config PATH --data DIR --from DATE --to DATE [--step SECONDS]</c>: the whole pipeline against
/// the simulated plant on a simulated clock, as fast as the machine allows.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var from = DateOptions.Create("--from", "First day to simulate", required: true);
        var to = DateOptions.Create("--to", "Last day to simulate, inclusive", required: true);
        var step = new Option<int>("--step")
        {
            Description = "Simulated seconds between two polls of every device (real polls over TCP)",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("simulate", "Build history by running the pipeline against the simulated plant on a simulated clock")
        {
            config, data, from, to, step,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var file = parse.GetValue(config)!;
            var loaded = ConfigFile.LoadOrReport(file, parse.InvocationConfiguration.Error);
            if (loaded is null)
            {
                return 1;
            }

            var first = parse.GetValue(from)!.Value;
            var last = parse.GetValue(to)!.Value;
            if (last < first)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--to is before --from");
                return 1;
            }

            var seconds = parse.GetValue(step);
            if (seconds < 1 || seconds > 3600)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--step must be between 1 and 3600 seconds");
                return 1;
            }

            var dataFolder = DataFolder.Resolve(parse.GetValue(data), loaded, file);
            using var loggers = LoggerFactory.Create(b =>
            {
                AgentHost.ConfigureLogging(b);
                b.AddFilter("EdgeAgent.Modbus", LogLevel.Warning);
                b.AddFilter("EdgeAgent.Collection", LogLevel.Error);
                b.AddFilter("EdgeAgent.Collection.Ingest.Recorder", LogLevel.Warning);
                b.AddFilter("EdgeAgent.Simulator", LogLevel.Warning);
            });
            var runner = new SimulationRunner(loaded, dataFolder, output, loggers);
            var summary = await runner.RunAsync(first, last, TimeSpan.FromSeconds(seconds), cancellationToken);
            var days = last.DayNumber - first.DayNumber + 1;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Simulated {days} days ({summary.From:yyyy-MM-dd} .. {summary.To:yyyy-MM-dd}) in {summary.Wall.TotalSeconds:F0} s wall, {summary.Cpu.TotalSeconds:F0} s CPU"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Ticks} poll cycles, {summary.SamplesRead} samples read, {summary.SamplesStored} stored; database {summary.DatabaseBytes / 1048576.0:F1} MB in {dataFolder}"));
            return 0;
        });
        return command;
    }
}
