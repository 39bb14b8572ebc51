using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Storage;
using EdgeAgent.Tests.Support;

namespace EdgeAgent.Tests;

public sealed class OutboxCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ListShowsParkedRowsWithTheirReasonAndRequeuePutsThemBackInLine()
    {
        var store = SeedOutbox();
        var rows = store.Items(OutboxChannel.Https);
        store.MarkDelivered(rows[0].Id, DateTimeOffset.UtcNow);
        store.Park(rows[1].Id, "HTTP 400 Bad Request: unknown agent");
        store.Park(rows[2].Id, "HTTP 401 Unauthorized: token expired");

        var list = await EdgeAgentCli.InvokeAsync("outbox", "list", "--data", _folder.Path, "--parked");
        Assert.Equal(0, list.ExitCode);
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id\tchannel\trecord\tday\tstate\tattempts\tlast error", lines[0]);
        Assert.Equal($"{rows[1].Id}\thttps\t2\t2026-03-02\tparked\t1\tHTTP 400 Bad Request: unknown agent", lines[1]);
        Assert.Equal($"{rows[2].Id}\thttps\t3\t2026-03-03\tparked\t1\tHTTP 401 Unauthorized: token expired", lines[2]);
        Assert.Equal("2 row(s)", lines[3]);

        var one = await EdgeAgentCli.InvokeAsync("outbox", "requeue", "--data", _folder.Path, rows[2].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("Requeued 1 parked row(s)", one.Output, StringComparison.Ordinal);
        Assert.Equal(rows[2].Id, store.NextPending(OutboxChannel.Https)?.Id);

        var notParked = await EdgeAgentCli.InvokeAsync("outbox", "requeue", "--data", _folder.Path, rows[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, notParked.ExitCode);
        Assert.Contains("1 of the ids given are not parked rows", notParked.Error, StringComparison.Ordinal);

        var all = await EdgeAgentCli.InvokeAsync("outbox", "requeue", "--data", _folder.Path, "--all");
        Assert.Equal(0, all.ExitCode);
        Assert.Equal(
            [OutboxState.Delivered, OutboxState.Pending, OutboxState.Pending],
            store.Items(OutboxChannel.Https).Select(i => i.State));
        Assert.Equal(rows[1].Id, store.NextPending(OutboxChannel.Https)?.Id);
    }

    [Fact]
    public async Task RequeueNeedsIdsOrAllAndAnExistingDatabase()
    {
        var neither = await EdgeAgentCli.InvokeAsync("outbox", "requeue", "--data", _folder.Path);
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("give the ids of the parked rows to requeue, or --all", neither.Error, StringComparison.Ordinal);

        var empty = await EdgeAgentCli.InvokeAsync("outbox", "list", "--data", _folder.Path);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains($"no agent database in {_folder.Path}", empty.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, SqliteStorage.FileName)));
    }

    public void Dispose() => _folder.Dispose();

    private OutboxStore SeedOutbox()
    {
        using var storage = new SqliteStorage(_folder.Path);
        var store = new OutboxStore(storage);
        var entries = Enumerable.Range(1, 3)
            .Select(i => new LedgerEntry(i, $"2026-03-0{i}", "final", null, [], $"hash{i}", $"header.payload{i}.signature", "2026-03-04T00:00:00Z"))
            .ToList();
        store.Enqueue(entries, [OutboxChannel.Https], DateTimeOffset.UtcNow);
        return store;
    }
}
