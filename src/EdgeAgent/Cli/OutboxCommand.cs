using System.CommandLine;
using System.Globalization;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Storage;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent outbox list|requeue [--config PATH] [--data DIR]</c>: the delivery log of signed daily records, and
/// putting records a platform refused (parked, e.g. HTTP 400 or 401) back in line once the cause is fixed. Safe while
/// the agent runs: the dispatcher picks requeued rows up within its feed interval.
/// </summary>
internal static class OutboxCommand
{
    public static Command Create()
    {
        return new Command("outbox", "Show the delivery log of signed records, and requeue the ones a platform refused")
        {
            List(),
            Requeue(),
        };
    }

    private static Command List()
    {
        var config = CommonOptions.Config(required: false);
        var data = CommonOptions.Data();
        var parkedOnly = new Option<bool>("--parked") { Description = "Only the parked rows (refused for good by the receiver)" };
        var command = new Command("list", "List outbox rows (id, channel, record, day, state, attempts, last error)") { config, data, parkedOnly };
        command.SetAction((parse, _) =>
        {
            var store = Open(parse.GetValue(config), parse.GetValue(data), parse.InvocationConfiguration.Error);
            if (store is null)
            {
                return Task.FromResult(2);
            }

            var output = parse.InvocationConfiguration.Output;
            var rows = Enum.GetValues<OutboxChannel>().SelectMany(store.Items)
                .Where(row => !parse.GetValue(parkedOnly) || row.State == OutboxState.Parked)
                .OrderBy(row => row.Id)
                .ToList();
            output.WriteLine("id\tchannel\trecord\tday\tstate\tattempts\tlast error");
            foreach (var row in rows)
            {
                output.WriteLine(string.Join('\t',
                    row.Id.ToString(CultureInfo.InvariantCulture), OutboxStore.Name(row.Channel), row.RecordSeq.ToString(CultureInfo.InvariantCulture),
                    row.Day, row.State.ToString().ToLowerInvariant(), row.Attempts.ToString(CultureInfo.InvariantCulture), row.LastError ?? string.Empty));
            }

            output.WriteLine($"{rows.Count} row(s)");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Requeue()
    {
        var config = CommonOptions.Config(required: false);
        var data = CommonOptions.Data();
        var ids = new Argument<long[]>("id") { Description = "Outbox row ids to requeue (see 'edgeagent outbox list --parked')", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Requeue every parked row" };
        var channel = new Option<string?>("--channel") { Description = "With --all: only this channel" };
        channel.AcceptOnlyFromAmong("https", "mqtt");
        var command = new Command("requeue", "Put parked rows back in line, ahead of later records, once the cause of the refusal is fixed")
        {
            config, data, ids, all, channel,
        };
        command.SetAction((parse, _) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var chosen = parse.GetValue(ids) ?? [];
            var everything = parse.GetValue(all);
            if (everything == (chosen.Length > 0))
            {
                error.WriteLine("give the ids of the parked rows to requeue, or --all");
                return Task.FromResult(2);
            }

            var store = Open(parse.GetValue(config), parse.GetValue(data), error);
            if (store is null)
            {
                return Task.FromResult(2);
            }

            OutboxChannel? only = parse.GetValue(channel) switch
            {
                "https" => OutboxChannel.Https,
                "mqtt" => OutboxChannel.Mqtt,
                _ => null,
            };
            var requeued = store.Requeue(everything ? null : chosen, only);
            parse.InvocationConfiguration.Output.WriteLine(
                $"Requeued {requeued} parked row(s); a running agent sends them within its feed interval, in ledger order.");
            if (!everything && requeued < chosen.Length)
            {
                error.WriteLine($"{chosen.Length - requeued} of the ids given are not parked rows (see 'edgeagent outbox list --parked')");
                return Task.FromResult(1);
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static OutboxStore? Open(FileInfo? config, DirectoryInfo? data, TextWriter error)
    {
        var folder = DataFolder.Resolve(config, data, error);
        if (folder is null)
        {
            return null;
        }

        if (!File.Exists(Path.Combine(folder, SqliteStorage.FileName)))
        {
            error.WriteLine($"no agent database in {folder} (give --data, or run the agent first)");
            return null;
        }

        // The store keeps only the database path; the storage handle is not needed past construction.
        using var storage = new SqliteStorage(folder);
        return new OutboxStore(storage);
    }
}
