using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class SqliteStorage
{
    /// <summary>Meta key: raw data before this time (unix ms) may have been deleted by retention; rollups there are final.</summary>
    internal const string RetainedFromKey = "raw_retained_from_ms";

    // Tags drive the loop so each tag costs one seek into samples_by_tag_time, never a scan of newer rows.
    private const string DeleteSamplesSql =
        "DELETE FROM samples WHERE rowid IN (SELECT s.rowid FROM tags t CROSS JOIN samples s ON s.tag_id = t.id WHERE s.ts_ms < $cutoff LIMIT $n)";

    // The newest event of each source before the cutoff stays: it is the online state carried into the retained history.
    private const string DeleteEventsSql =
        "DELETE FROM status_events WHERE id IN (SELECT id FROM status_events WHERE ts_ms < $cutoff AND id NOT IN (" +
        "SELECT (SELECT e.id FROM status_events e WHERE e.source_id = s.source_id AND e.ts_ms < $cutoff ORDER BY e.ts_ms DESC, e.id DESC LIMIT 1) " +
        "FROM (SELECT DISTINCT source_id FROM status_events) s) LIMIT $n)";

    private const string DeleteCyclesSql =
        "DELETE FROM collection_cycles WHERE rowid IN (SELECT rowid FROM collection_cycles WHERE minute_ms < $cutoff LIMIT $n)";

    /// <summary>
    /// Deletes raw samples, status events and cycle counts older than <paramref name="cutoffUtc"/>, at most
    /// <paramref name="batchRows"/> rows per transaction, releasing the writer between batches so ingest is not
    /// stalled. Rollups are never deleted, and the last status event of each source before the cutoff is kept.
    /// </summary>
    public async Task<RetentionResult> DeleteOlderThanAsync(DateTime cutoffUtc, int batchRows = 5000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        var cutoff = ToMs(cutoffUtc);

        // Recorded first: from now on rollups before the cutoff must not be rebuilt from what is left of the raw data.
        await WithWriterAsync("retention", () =>
        {
            using var command = _writer.CreateCommand();
            command.CommandText =
                "INSERT INTO meta(key, value) VALUES ($key, $cutoff) " +
                "ON CONFLICT(key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)";
            command.Parameters.AddWithValue("$key", RetainedFromKey);
            command.Parameters.AddWithValue("$cutoff", cutoff.ToString(CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);

        var samples = await DeleteInBatchesAsync(DeleteSamplesSql, cutoff, batchRows, cancellationToken).ConfigureAwait(false);
        var events = await DeleteInBatchesAsync(DeleteEventsSql, cutoff, batchRows, cancellationToken).ConfigureAwait(false);
        var cycles = await DeleteInBatchesAsync(DeleteCyclesSql, cutoff, batchRows, cancellationToken).ConfigureAwait(false);
        var result = new RetentionResult(samples, events, cycles);
        if (samples + events + cycles > 0)
        {
            Log.RetentionDeleted(_logger, samples, events, cycles, cutoffUtc);
        }

        return result;
    }

    /// <summary>The time before which raw data may have been deleted by retention, or null when nothing was deleted.</summary>
    public DateTime? RetainedFromUtc() =>
        long.TryParse(GetMeta(RetainedFromKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? FromMs(ms) : null;

    private async Task<long> DeleteInBatchesAsync(string sql, long cutoff, int batchRows, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var deleted = await WithWriterAsync("retention", writer =>
            {
                using var command = writer.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("$cutoff", cutoff);
                command.Parameters.AddWithValue("$n", batchRows);
                return command.ExecuteNonQuery();
            }, cancellationToken).ConfigureAwait(false);

            total += deleted;
            if (deleted < batchRows)
            {
                return total;
            }

            // Let a waiting recorder write before the next batch.
            await Task.Yield();
        }
    }
}
