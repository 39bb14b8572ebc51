using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Publishing.Outbox;

/// <summary>
/// Puts every new ledger record (finals and corrections alike) into the outbox once per enabled channel. It reads the
/// ledger table rather than listening to the ledger service, so records appended by another process (the CLI) or
/// while the agent was down are picked up too; a channel enabled later receives the whole ledger from record 1.
/// </summary>
public sealed class OutboxFeeder : BackgroundService
{
    private const int BatchSize = 500;

    private readonly LedgerService _ledger;
    private readonly SqliteStorage _storage;
    private readonly OutboxStore _store;
    private readonly OutboxSignal _signal;
    private readonly PublishingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A feeder from <paramref name="ledger"/> (whose tables live in <paramref name="storage"/>) into <paramref name="store"/>.</summary>
    public OutboxFeeder(LedgerService ledger, SqliteStorage storage, OutboxStore store, OutboxSignal signal, PublishingOptions options, TimeProvider time, ILogger<OutboxFeeder> logger)
    {
        _ledger = ledger;
        _storage = storage;
        _store = store;
        _signal = signal;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Enqueues the records not queued yet for every enabled channel; returns the rows added.</summary>
    public int FeedOnce()
    {
        var channels = _options.EnabledChannels();
        if (channels.Count == 0)
        {
            return 0;
        }

        var size = _ledger.Size;
        var added = 0;
        var names = string.Join(", ", channels.Select(OutboxStore.Name));
        var from = channels.Min(_store.LastRecordSeq) + 1;
        using var connection = _storage.OpenReader();
        while (from <= size)
        {
            var to = Math.Min(size, from + BatchSize - 1);
            var entries = new List<LedgerEntry>();
            for (var seq = from; seq <= to; seq++)
            {
                entries.Add(LedgerStore.BySeq(connection, seq) ?? throw new InvalidDataException($"ledger record {seq} is missing"));
            }

            var rows = _store.Enqueue(entries, channels, _time.GetUtcNow());
            if (rows > 0)
            {
                PublishingLog.Enqueued(_logger, rows, from, to, names);
            }

            added += rows;
            from = to + 1;
        }

        if (added > 0)
        {
            _signal.Pulse();
        }

        return added;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.EnabledChannels().Count == 0)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    FeedOnce();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    PublishingLog.FeedFailed(_logger, ex);
                }

                await Task.Delay(_options.FeedInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
