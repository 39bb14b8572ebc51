using Microsoft.Data.Sqlite;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>Reads raw rows straight from the agent's tables (<c>samples</c>+<c>tags</c>, <c>status_events</c>, <c>collection_cycles</c>).</summary>
public static class RawDataReader
{
    /// <summary>Every raw row of one day; samples in storage order (rowid), the rest in time order.</summary>
    public static DayRawData ReadDay(SqliteConnection connection, DayBounds day)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new DayRawData(
            day,
            ReadSamples(connection, day.StartMs, day.EndMs, byRowId: true).ToList(),
            ReadStatusEvents(connection, day.StartMs, day.EndMs).ToList(),
            ReadCycles(connection, day.StartMs, day.EndMs).ToList(),
            StateBefore(connection, day.StartMs),
            CarryInSamples(connection, day.StartMs));
    }

    /// <summary>Samples with <paramref name="fromMs"/> ≤ time &lt; <paramref name="toMs"/>, streamed, by time (or storage order).</summary>
    public static IEnumerable<RawSample> ReadSamples(SqliteConnection connection, long fromMs, long toMs, bool byRowId = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT t.equipment_id, t.tag, s.ts_ms, s.value, s.text, s.quality, s.status FROM samples s JOIN tags t ON t.id = s.tag_id " +
            "WHERE s.ts_ms >= $from AND s.ts_ms < $to ORDER BY " + (byRowId ? "s.rowid" : "s.ts_ms, s.rowid");
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new RawSample(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6));
        }
    }

    /// <summary>Status events in [<paramref name="fromMs"/>, <paramref name="toMs"/>), by time then id.</summary>
    public static IEnumerable<RawStatusEvent> ReadStatusEvents(SqliteConnection connection, long fromMs, long toMs)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_id, ts_ms, online, reason FROM status_events WHERE ts_ms >= $from AND ts_ms < $to ORDER BY ts_ms, id";
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new RawStatusEvent(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2) != 0, reader.GetString(3));
        }
    }

    /// <summary>Cycle rows of minutes in [<paramref name="fromMs"/>, <paramref name="toMs"/>), by minute then source.</summary>
    public static IEnumerable<RawCycle> ReadCycles(SqliteConnection connection, long fromMs, long toMs)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_id, minute_ms, attempts, good FROM collection_cycles WHERE minute_ms >= $from AND minute_ms < $to ORDER BY minute_ms, source_id";
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new RawCycle(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
    }

    /// <summary>The last status event of each source before <paramref name="beforeMs"/> (its state at that moment).</summary>
    public static IReadOnlyList<RawStatusEvent> StateBefore(SqliteConnection connection, long beforeMs)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT source_id, ts_ms, online, reason FROM (SELECT source_id, ts_ms, online, reason, " +
            "ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY ts_ms DESC, id DESC) AS n FROM status_events WHERE ts_ms < $before) WHERE n = 1 ORDER BY ts_ms, source_id";
        command.Parameters.AddWithValue("$before", beforeMs);
        using var reader = command.ExecuteReader();
        var list = new List<RawStatusEvent>();
        while (reader.Read())
        {
            list.Add(new RawStatusEvent(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2) != 0, reader.GetString(3)));
        }

        return list;
    }

    /// <summary>
    /// Per tag, the last sample and the last good sample (quality 0 with a value) before <paramref name="beforeMs"/>, one
    /// row when both are the same, in time order: the baselines a rollup of the following period starts from.
    /// </summary>
    public static IReadOnlyList<RawSample> CarryInSamples(SqliteConnection connection, long beforeMs)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tags = new List<(long Id, string Equipment, string Tag)>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT id, equipment_id, tag FROM tags ORDER BY id";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tags.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        using var last = connection.CreateCommand();
        last.CommandText = "SELECT ts_ms, value, text, quality, status FROM samples WHERE tag_id = $id AND ts_ms < $before ORDER BY ts_ms DESC, rowid DESC LIMIT 1";
        using var lastGood = connection.CreateCommand();
        lastGood.CommandText = "SELECT ts_ms, value, text, quality, status FROM samples WHERE tag_id = $id AND ts_ms < $before AND quality = 0 AND value IS NOT NULL ORDER BY ts_ms DESC, rowid DESC LIMIT 1";
        var result = new List<RawSample>();
        foreach (var command in new[] { last, lastGood })
        {
            command.Parameters.Add("$id", SqliteType.Integer);
            command.Parameters.AddWithValue("$before", beforeMs);
        }

        foreach (var (id, equipment, tag) in tags)
        {
            RawSample? previous = null;
            foreach (var command in new[] { lastGood, last })
            {
                command.Parameters["$id"].Value = id;
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    var sample = new RawSample(equipment, tag, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDouble(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                    if (previous != sample)
                    {
                        result.Add(sample);
                    }

                    previous = sample;
                }
            }
        }

        return result.OrderBy(s => s.TimestampMs).ToList();
    }

    /// <summary>Earliest time of any raw row, or null when the tables are empty.</summary>
    public static long? EarliestMs(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(t) FROM (SELECT MIN(ts_ms) AS t FROM samples UNION ALL SELECT MIN(ts_ms) FROM status_events UNION ALL SELECT MIN(minute_ms) FROM collection_cycles)";
        return command.ExecuteScalar() is long t ? t : null;
    }

    /// <summary>Newest sample time, or null.</summary>
    public static long? NewestSampleMs(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(ts_ms) FROM samples";
        return command.ExecuteScalar() is long t ? t : null;
    }
}
