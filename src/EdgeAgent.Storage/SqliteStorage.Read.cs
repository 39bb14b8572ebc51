using System.Runtime.CompilerServices;
using EdgeAgent.Core.Model;
using EdgeAgent.Core.Rollups;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class SqliteStorage
{
    // Tags drive the loop (CROSS JOIN keeps that order), so each tag is one range seek in samples_by_tag_time and the
    // rows come out already ordered by equipment, tag and time: no sort of a possibly huge range.
    private const string SamplesSql =
        "SELECT t.equipment_id, t.tag, s.ts_ms, s.value, s.text, s.quality, s.status " +
        "FROM tags t CROSS JOIN samples s ON s.tag_id = t.id " +
        "WHERE s.ts_ms >= $from AND s.ts_ms < $to AND ($equipment IS NULL OR t.equipment_id = $equipment) " +
        "ORDER BY t.equipment_id, t.tag, s.ts_ms, s.rowid";

    /// <summary>Size of the database and the span of raw history it holds.</summary>
    public StorageInfo GetInfo()
    {
        long bytes = 0;
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" })
        {
            var file = new FileInfo(path);
            if (file.Exists)
            {
                bytes += file.Length;
            }
        }

        using var connection = OpenReader();
        using var command = connection.CreateCommand();

        // Per tag, the first and last entries of samples_by_tag_time: a few index seeks, whatever the table size.
        command.CommandText =
            "SELECT min(first), max(last) FROM (SELECT " +
            "(SELECT ts_ms FROM samples WHERE tag_id = t.id ORDER BY ts_ms ASC LIMIT 1) AS first, " +
            "(SELECT ts_ms FROM samples WHERE tag_id = t.id ORDER BY ts_ms DESC LIMIT 1) AS last FROM tags t)";
        using var reader = command.ExecuteReader();
        reader.Read();
        DateTime? oldest = reader.IsDBNull(0) ? null : FromMs(reader.GetInt64(0));
        DateTime? newest = reader.IsDBNull(1) ? null : FromMs(reader.GetInt64(1));
        return new StorageInfo(DatabasePath, bytes, oldest, newest);
    }

    /// <summary>
    /// Raw samples with <paramref name="fromUtc"/> ≤ time &lt; <paramref name="toUtc"/>, optionally of one equipment,
    /// ordered by equipment id, tag and time; streamed from the database row by row.
    /// </summary>
    public IEnumerable<StoredSample> ReadSamples(DateTime fromUtc, DateTime toUtc, string? equipmentId = null)
    {
        using var connection = OpenReader();
        using var command = SamplesCommand(connection, fromUtc, toUtc, equipmentId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadStoredSample(reader);
        }
    }

    /// <summary>As <see cref="ReadSamples"/>, asynchronously.</summary>
    public async IAsyncEnumerable<StoredSample> ReadSamplesAsync(DateTime fromUtc, DateTime toUtc, string? equipmentId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = OpenReader();
        await using (connection.ConfigureAwait(false))
        {
            var command = SamplesCommand(connection, fromUtc, toUtc, equipmentId);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return ReadStoredSample(reader);
                    }
                }
            }
        }
    }

    /// <summary>Status events with <paramref name="fromUtc"/> ≤ time &lt; <paramref name="toUtc"/>, in time order.</summary>
    public IReadOnlyList<StatusEvent> ReadStatusEvents(DateTime fromUtc, DateTime toUtc)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_id, ts_ms, online, reason FROM status_events WHERE ts_ms >= $from AND ts_ms < $to ORDER BY ts_ms, id";
        command.Parameters.AddWithValue("$from", ToMs(fromUtc));
        command.Parameters.AddWithValue("$to", ToMs(toUtc));
        return ReadEvents(command);
    }

    /// <summary>The last status event of each source before <paramref name="utc"/>: the state carried into a range.</summary>
    public IReadOnlyList<StatusEvent> ReadLastStatusEventsBefore(DateTime utc)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT e.source_id, e.ts_ms, e.online, e.reason FROM (SELECT DISTINCT source_id FROM status_events) s " +
            "JOIN status_events e ON e.id = (SELECT id FROM status_events WHERE source_id = s.source_id AND ts_ms < $before ORDER BY ts_ms DESC, id DESC LIMIT 1) " +
            "ORDER BY e.source_id";
        command.Parameters.AddWithValue("$before", ToMs(utc));
        return ReadEvents(command);
    }

    /// <summary>Cycle counts of minutes starting in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public IReadOnlyList<CycleCount> ReadCycles(DateTime fromUtc, DateTime toUtc)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_id, minute_ms, attempts, good FROM collection_cycles WHERE minute_ms >= $from AND minute_ms < $to ORDER BY minute_ms, source_id";
        command.Parameters.AddWithValue("$from", ToMs(fromUtc));
        command.Parameters.AddWithValue("$to", ToMs(toUtc));
        using var reader = command.ExecuteReader();
        var list = new List<CycleCount>();
        while (reader.Read())
        {
            list.Add(new CycleCount(reader.GetString(0), FromMs(reader.GetInt64(1)), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return list;
    }

    /// <summary>How far back the carry-in of a rollup range looks for a tag's last sample.</summary>
    public static readonly TimeSpan CarryInLookBack = TimeSpan.FromDays(7);

    /// <summary>
    /// Samples of the given tags in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) plus, per tag, the last
    /// sample and the last good sample before the range (the carry-in a rollup needs). One shared TagKey per tag.
    /// </summary>
    internal List<Sample> ReadTagSamplesWithCarryIn(IReadOnlyList<TagKey> tags, DateTime fromUtc, DateTime toUtc)
    {
        var result = new List<Sample>();
        using var connection = OpenReader();
        using var lookup = connection.CreateCommand();
        lookup.CommandText = "SELECT id FROM tags WHERE equipment_id = $equipment AND tag = $tag";
        var equipmentParameter = lookup.Parameters.Add("$equipment", SqliteType.Text);
        var tagParameter = lookup.Parameters.Add("$tag", SqliteType.Text);

        using var range = connection.CreateCommand();
        range.CommandText = "SELECT ts_ms, value, text, quality, status FROM samples WHERE tag_id = $id AND ts_ms >= $from AND ts_ms < $to ORDER BY ts_ms, rowid";
        using var last = connection.CreateCommand();
        // Carry-in looks back at most CarryInLookBack: samples are indexed in time order, and the heartbeat stores every
        // live tag far more often; a tag silent for longer starts the range without a baseline (its first reading is one).
        last.CommandText = "SELECT ts_ms, value, text, quality, status FROM samples WHERE tag_id = $id AND ts_ms < $from AND ts_ms >= $floor ORDER BY ts_ms DESC, rowid DESC LIMIT 1";
        using var lastGood = connection.CreateCommand();
        lastGood.CommandText = "SELECT ts_ms, value, text, quality, status FROM samples WHERE tag_id = $id AND ts_ms < $from AND ts_ms >= $floor AND quality = 0 AND value IS NOT NULL ORDER BY ts_ms DESC, rowid DESC LIMIT 1";
        foreach (var command in new[] { range, last, lastGood })
        {
            command.Parameters.Add("$id", SqliteType.Integer);
            command.Parameters.AddWithValue("$from", ToMs(fromUtc));
            if (command == range)
            {
                command.Parameters.AddWithValue("$to", ToMs(toUtc));
            }
            else
            {
                command.Parameters.AddWithValue("$floor", ToMs(fromUtc - CarryInLookBack));
            }
        }

        foreach (var key in tags)
        {
            equipmentParameter.Value = key.EquipmentId;
            tagParameter.Value = key.Tag;
            if (lookup.ExecuteScalar() is not long id)
            {
                continue;
            }

            foreach (var command in new[] { lastGood, last, range })
            {
                command.Parameters["$id"].Value = id;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    result.Add(new Sample(
                        key,
                        FromMs(reader.GetInt64(0)),
                        reader.IsDBNull(1) ? double.NaN : reader.GetDouble(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        (SampleQuality)reader.GetInt32(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4)));
                }
            }
        }

        return result;
    }

    /// <summary>Cycle counts of a range in the form the rollup builder takes.</summary>
    internal IEnumerable<SourceCycles> ReadSourceCycles(DateTime fromUtc, DateTime toUtc) =>
        ReadCycles(fromUtc, toUtc).Select(c => new SourceCycles(c.SourceId, c.MinuteUtc, c.Attempts, c.Good));

    private static SqliteCommand SamplesCommand(SqliteConnection connection, DateTime fromUtc, DateTime toUtc, string? equipmentId)
    {
        var command = connection.CreateCommand();
        command.CommandText = SamplesSql;
        command.Parameters.AddWithValue("$from", ToMs(fromUtc));
        command.Parameters.AddWithValue("$to", ToMs(toUtc));
        command.Parameters.AddWithValue("$equipment", (object?)equipmentId ?? DBNull.Value);
        return command;
    }

    private static StoredSample ReadStoredSample(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        FromMs(reader.GetInt64(2)),
        reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        (SampleQuality)reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetString(6));

    private static List<StatusEvent> ReadEvents(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<StatusEvent>();
        while (reader.Read())
        {
            list.Add(new StatusEvent(reader.GetString(0), FromMs(reader.GetInt64(1)), reader.GetInt64(2) != 0, reader.GetString(3)));
        }

        return list;
    }
}
