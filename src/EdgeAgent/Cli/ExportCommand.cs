using System.CommandLine;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Hosting;
using EdgeAgent.Storage;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent export --config PATH [--data DIR] --from DATE --to DATE --out FILE</c>: the evidence bundle (zip) an
/// auditor checks offline with <c>edgeagent verify</c> (see docs/evidence.md).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var from = DateOptions.Create("--from", "First day of the bundle", required: true);
        var to = DateOptions.Create("--to", "Last day of the bundle, inclusive", required: true);
        var output = new Option<FileInfo>("--out", "-o") { Description = "Bundle file to write (zip)", Required = true };
        var command = new Command("export", "Write an evidence bundle: signed daily records, Merkle proofs, keys, raw data as CSV and SQLite")
        {
            config, data, from, to, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(config)!;
            var loaded = ConfigFile.LoadOrReport(file, error);
            if (loaded is null)
            {
                return 2;
            }

            var first = parse.GetValue(from)!.Value;
            var last = parse.GetValue(to)!.Value;
            if (last < first)
            {
                await error.WriteLineAsync("--to is before --from");
                return 2;
            }

            var folder = DataFolder.Resolve(parse.GetValue(data), loaded, file);
            if (!File.Exists(Path.Combine(folder, SqliteStorage.FileName)))
            {
                await error.WriteLineAsync($"no agent database in {folder} (give --data, or run the agent first)");
                return 1;
            }

            using var storage = new SqliteStorage(folder);
            using var ledger = new LedgerService(storage, loaded, new LedgerOptions { AgentVersion = AgentHost.Version });
            if (!ledger.Keys.HasCurrentKey)
            {
                await error.WriteLineAsync($"no signing key in {ledger.Keys.KeysFolder}: run 'edgeagent keys init --data {folder}' first");
                return 1;
            }

            var target = parse.GetValue(output)!;
            var result = await new BundleExporter(ledger, storage, loaded).ExportAsync(first, last, target.FullName, cancellationToken);
            var stdout = parse.InvocationConfiguration.Output;
            await stdout.WriteLineAsync($"Wrote {target.FullName}: {result.Days.Count} signed day(s) {first:yyyy-MM-dd} .. {last:yyyy-MM-dd}, ledger tree of {result.TreeSize} records, {result.Files} files");
            if (result.MissingDays.Count > 0)
            {
                await error.WriteLineAsync($"warning: {result.MissingDays.Count} day(s) have no signed record yet (verify will report them): {string.Join(", ", result.MissingDays)}");
            }

            foreach (var kid in result.MissingKeys)
            {
                await error.WriteLineAsync($"warning: public key {kid} is not in {ledger.Keys.PublicFolder}; signatures made with it cannot be checked from the bundle");
            }

            return 0;
        });
        return command;
    }
}
