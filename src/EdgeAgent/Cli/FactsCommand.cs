using System.CommandLine;
using System.Globalization;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Hosting;
using EdgeAgent.Storage;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent facts output|list --config PATH [--data DIR]</c>: output value (产值) and units produced entered per
/// period for the energy-per-output indicators, the same as PUT/GET /api/facts/output. Safe while the agent runs.
/// Closed days of the period get correction records in the ledger (signed with the agent's key).
/// </summary>
internal static class FactsCommand
{
    public static Command Create()
    {
        return new Command("facts", "Enter, list and delete output value per period (for the energy-per-output indicators)")
        {
            Output(),
            List(),
            Delete(),
        };
    }

    private static Command Output()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var from = DateOptions.Create("--from", "First day of the period", required: true);
        var to = DateOptions.Create("--to", "Last day of the period, inclusive", required: true);
        var value = new Option<double>("--value-cny") { Description = "Output value of the period (工业产值), CNY", Required = true };
        var units = new Option<double?>("--units") { Description = "Units produced in the period (产量); left out: none entered" };
        var note = new Option<string?>("--note") { Description = "Where the figure comes from (ERP, statistics report, person)" };
        var command = new Command("output", "Enter (or replace) the output value of a period; closed days get correction records")
        {
            config, data, from, to, value, units, note,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var entry = new OutputFactEntry(parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, parse.GetValue(value), parse.GetValue(units), parse.GetValue(note));
            var invalid = OutputFactService.Validate(entry);
            if (invalid.Count > 0)
            {
                await WriteProblemsAsync(invalid, error);
                return 2;
            }

            var opened = Open(parse.GetValue(config)!, parse.GetValue(data), error);
            if (opened is null)
            {
                return 2;
            }

            using var storage = opened.Value.Storage;
            using var ledger = opened.Value.Ledger;
            var service = new OutputFactService(storage, ledger, opened.Value.Config, TimeProvider.System);
            var (problems, corrections) = await service.SetAsync(entry, cancellationToken);
            if (problems.Count > 0)
            {
                await WriteProblemsAsync(problems, error);
                return 2;
            }

            var stdout = parse.InvocationConfiguration.Output;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Stored output value {entry.ValueCny:0.##} CNY{(entry.Units is { } u ? $", {u:0.##} units" : string.Empty)} for {entry.From:yyyy-MM-dd} .. {entry.To:yyyy-MM-dd}"));
            if (corrections.Count > 0)
            {
                await stdout.WriteLineAsync($"{corrections.Count} closed day(s) got correction records: {string.Join(", ", corrections.Select(c => $"{c.Day} (#{c.Seq} supersedes #{c.SupersedesSeq})"))}");
            }

            if (!service.FactsAreUsed)
            {
                await error.WriteLineAsync("note: $.indicators.output.source is counters, so the energy indicators value good parts at their unit price and do not use entered facts");
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var from = DateOptions.Create("--from", "First day (default: a year ago)");
        var to = DateOptions.Create("--to", "Last day, inclusive (default: today)");
        var command = new Command("list", "List the output value entered per period") { config, data, from, to };
        command.SetAction((parse, _) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var opened = Open(parse.GetValue(config)!, parse.GetValue(data), error);
            if (opened is null)
            {
                return Task.FromResult(2);
            }

            using var storage = opened.Value.Storage;
            using var ledger = opened.Value.Ledger;
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var last = parse.GetValue(to) ?? today;
            var first = parse.GetValue(from) ?? last.AddYears(-1);
            var service = new OutputFactService(storage, ledger, opened.Value.Config, TimeProvider.System);
            var stdout = parse.InvocationConfiguration.Output;
            var facts = service.List(first, last);
            stdout.WriteLine("from\tto\tvalue CNY\tunits\tentered (UTC)\tnote");
            foreach (var fact in facts)
            {
                stdout.WriteLine(string.Join('\t',
                    fact.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    fact.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    fact.ValueCny.ToString("0.##", CultureInfo.InvariantCulture),
                    fact.Units?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty,
                    fact.EnteredUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    fact.Note ?? string.Empty));
            }

            stdout.WriteLine($"{facts.Count} period(s){(service.FactsAreUsed ? string.Empty : "; not used: $.indicators.output.source is counters")}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Delete()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var from = DateOptions.Create("--from", "First day of the period as entered", required: true);
        var to = DateOptions.Create("--to", "Last day of the period as entered", required: true);
        var command = new Command("delete", "Delete the output value entered for exactly this period; closed days get correction records") { config, data, from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var opened = Open(parse.GetValue(config)!, parse.GetValue(data), error);
            if (opened is null)
            {
                return 2;
            }

            using var storage = opened.Value.Storage;
            using var ledger = opened.Value.Ledger;
            var first = parse.GetValue(from)!.Value;
            var last = parse.GetValue(to)!.Value;
            var corrections = await new OutputFactService(storage, ledger, opened.Value.Config, TimeProvider.System).DeleteAsync(first, last, cancellationToken);
            if (corrections is null)
            {
                await error.WriteLineAsync($"no output value was entered for exactly {first:yyyy-MM-dd} .. {last:yyyy-MM-dd} (see 'edgeagent facts list')");
                return 1;
            }

            var stdout = parse.InvocationConfiguration.Output;
            await stdout.WriteLineAsync($"Deleted the output value of {first:yyyy-MM-dd} .. {last:yyyy-MM-dd}");
            if (corrections.Count > 0)
            {
                await stdout.WriteLineAsync($"{corrections.Count} closed day(s) got correction records: {string.Join(", ", corrections.Select(c => $"{c.Day} (#{c.Seq} supersedes #{c.SupersedesSeq})"))}");
            }

            return 0;
        });
        return command;
    }

    private static async Task WriteProblemsAsync(IEnumerable<string> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(Option(problem));
        }
    }

    /// <summary>The validation message with the CLI option named instead of the JSON field.</summary>
    private static string Option(string problem) => problem
        .Replace("$.valueCny", "--value-cny", StringComparison.Ordinal)
        .Replace("$.units", "--units", StringComparison.Ordinal)
        .Replace("$.note", "--note", StringComparison.Ordinal)
        .Replace("$.from", "--from", StringComparison.Ordinal)
        .Replace("$.to", "--to", StringComparison.Ordinal);

    private static (Core.Configuration.AgentConfig Config, SqliteStorage Storage, LedgerService Ledger)? Open(FileInfo file, DirectoryInfo? data, TextWriter error)
    {
        var loaded = ConfigFile.LoadOrReport(file, error);
        if (loaded is null)
        {
            return null;
        }

        var folder = DataFolder.Resolve(data, loaded, file);
        if (!File.Exists(Path.Combine(folder, SqliteStorage.FileName)))
        {
            error.WriteLine($"no agent database in {folder} (give --data, or run the agent first)");
            return null;
        }

        var storage = new SqliteStorage(folder);
        return (loaded, storage, new LedgerService(storage, loaded, new LedgerOptions { AgentVersion = AgentHost.Version }));
    }
}
