using System.CommandLine;
using System.Globalization;
using EdgeAgent.Core.Thresholds;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Storage;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent indicators --config PATH [--data DIR] [--from DATE --to DATE] [--json]</c>: the indicators computed from
/// stored history, with their numerators, denominators, rules and the thresholds they meet.
/// </summary>
internal static class IndicatorsCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var from = DateOptions.Create("--from", "First day of the window (default: 90 days ending on the newest day with data)");
        var to = DateOptions.Create("--to", "Last day of the window, inclusive");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (the same shape as GET /api/indicators)" };
        var command = new Command("indicators", "Print the indicators computed from the stored history") { config, data, from, to, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(config)!;
            var loaded = ConfigFile.LoadOrReport(file, error);
            if (loaded is null)
            {
                return 1;
            }

            var dataFolder = DataFolder.Resolve(parse.GetValue(data), loaded, file);
            if (!File.Exists(Path.Combine(dataFolder, SqliteStorage.FileName)))
            {
                await error.WriteLineAsync($"no history in {dataFolder} (no {SqliteStorage.FileName}); run the agent or `edgeagent simulate` first");
                return 1;
            }

            using var storage = new SqliteStorage(dataFolder);
            var query = new IndicatorQuery(storage, loaded);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(loaded.Site.TimeZone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
            var window = query.DefaultWindow(today);
            var first = parse.GetValue(from) ?? (parse.GetValue(to) is { } t ? t.AddDays(-(IndicatorQuery.DefaultWindowDays - 1)) : window.From);
            var last = parse.GetValue(to) ?? (parse.GetValue(from) is not null ? first.AddDays(IndicatorQuery.DefaultWindowDays - 1) : window.To);
            if (last < first)
            {
                await error.WriteLineAsync("--to is before --from");
                return 1;
            }

            var report = await query.ComputeAsync(first, last, cancellationToken);
            if (parse.GetValue(json))
            {
                output.WriteLine(report.ToJson());
            }
            else
            {
                PrintTable(report, output);
            }

            return 0;
        });
        return command;
    }

    private static void PrintTable(IndicatorReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{report.Site} · industry {report.Industry} · window {report.Window.From:yyyy-MM-dd} .. {report.Window.To:yyyy-MM-dd} ({report.Window.Days} days) · coverage {report.Coverage:P0}"));
        foreach (var note in report.Notes)
        {
            output.WriteLine("  note: " + note);
        }

        foreach (var r in report.Results.Where(r => r.Subject is null))
        {
            var value = r.Value is { } v ? (r.Unit == "ratio" ? v.ToString("P1", c) : v.ToString("G6", c) + " " + r.Unit) : "—  (" + r.Reason + ")";
            output.WriteLine(string.Create(c, $"{r.Name.Zh} {r.Name.En}: {value}   [{r.Numerator:G6} / {r.Denominator:G6}]"));
            foreach (var t in r.Thresholds)
            {
                var verdict = t.Met switch { true => "met", false => "NOT met", null => "n/a" };
                var (comparison, percent) = t.Comparison switch
                {
                    ThresholdComparison.AtLeast => ("≥", r.Unit == "ratio"),
                    ThresholdComparison.AtMost => ("≤", r.Unit == "ratio"),
                    ThresholdComparison.ReductionVsBaseline => ("reduction vs baseline ≥", true),
                    _ => ("increase vs baseline ≥", true),
                };
                var threshold = percent ? t.Value.ToString("P1", c) : t.Value.ToString("G4", c);
                output.WriteLine($"    {verdict,-7} {t.ProgrammeName.Zh} {t.Level} {comparison} {threshold}");
            }
        }
    }
}
