using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

/// <summary>
/// The database schema and its migrations, one step per <c>PRAGMA user_version</c>. Steps are only ever appended: a
/// released step is never edited, so every file on every gateway reaches the same schema. The comments inside the
/// CREATE statements are kept by SQLite and shown by <c>sqlite3 edgeagent.db .schema</c>: they are the auditor's
/// column documentation.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Schema version this build writes.</summary>
    public const int Version = 3;

    private static readonly string[] Steps =
    [
        // 1: raw history (shipped with the first storage commit).
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE tags(id INTEGER PRIMARY KEY, equipment_id TEXT NOT NULL, tag TEXT NOT NULL, UNIQUE(equipment_id, tag));
        CREATE TABLE samples(ts_ms INTEGER NOT NULL, tag_id INTEGER NOT NULL REFERENCES tags(id), value REAL, text TEXT, quality INTEGER NOT NULL, status TEXT);
        CREATE INDEX samples_by_time ON samples(ts_ms);
        CREATE TABLE status_events(id INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL, source_id TEXT NOT NULL, online INTEGER NOT NULL, reason TEXT NOT NULL);
        CREATE INDEX status_events_by_time ON status_events(ts_ms);
        CREATE TABLE collection_cycles(source_id TEXT NOT NULL, minute_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, good INTEGER NOT NULL, UNIQUE(source_id, minute_ms));
        CREATE INDEX collection_cycles_by_time ON collection_cycles(minute_ms);
        """,

        // 2: samples indexed by tag then time (serves time ranges, per-tag carry-in and per-tag retention with one
        // index instead of two), rollups, facts, readable views.
        """
        DROP INDEX samples_by_time;
        CREATE INDEX samples_by_tag_time ON samples(tag_id, ts_ms);
        CREATE INDEX status_events_by_source_time ON status_events(source_id, ts_ms);
        CREATE TABLE rollups(
          equipment_id TEXT NOT NULL,     -- equipment id from the inventory (config $.equipment[].id)
          period TEXT NOT NULL CHECK (period IN ('minute', 'hour', 'day')), -- UTC minute, plant-local hour, plant-local day
          start_ms INTEGER NOT NULL,      -- period start, Unix milliseconds UTC (a day starts at local midnight)
          end_ms INTEGER NOT NULL,        -- period end (exclusive), Unix milliseconds UTC; days are 23, 24 or 25 h
          local_day TEXT,                 -- plant-local date YYYY-MM-DD of day rows, else NULL
          cycles INTEGER NOT NULL,        -- collection cycles attempted
          good_cycles INTEGER NOT NULL,   -- collection cycles that delivered good data
          online_seconds REAL NOT NULL,   -- source online (and being collected)
          run_seconds REAL NOT NULL,
          idle_seconds REAL NOT NULL,
          down_seconds REAL NOT NULL,
          off_seconds REAL NOT NULL,
          unknown_seconds REAL NOT NULL,  -- no known state; the five state columns add up to end - start
          good_parts REAL NOT NULL,       -- counter deltas (never negative; wraps and resets handled)
          bad_parts REAL NOT NULL,
          total_parts REAL NOT NULL,
          energy_kwh REAL NOT NULL,
          gas_m3 REAL NOT NULL,
          water_m3 REAL NOT NULL,
          steam_tonnes REAL NOT NULL,
          counter_resets INTEGER NOT NULL, -- counter wraps, resets and replacements detected
          built_ms INTEGER NOT NULL,      -- when the row was (re)built, Unix milliseconds UTC
          PRIMARY KEY (period, equipment_id, start_ms)
        ) WITHOUT ROWID;
        CREATE INDEX rollups_by_time ON rollups(period, start_ms);
        CREATE TABLE facts(
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,             -- what the value is, e.g. 'output-value-cny', 'output-units'
          from_day TEXT NOT NULL,         -- first plant-local day covered, YYYY-MM-DD
          to_day TEXT NOT NULL,           -- last plant-local day covered (inclusive), YYYY-MM-DD
          value REAL NOT NULL,
          unit TEXT,
          note TEXT,                      -- who/where from (ERP, statistics report ...)
          entered_ms INTEGER NOT NULL,    -- when entered, Unix milliseconds UTC
          UNIQUE (kind, from_day, to_day)
        );
        CREATE VIEW samples_readable AS
          SELECT s.rowid AS id, strftime('%Y-%m-%dT%H:%M:%fZ', s.ts_ms / 1000.0, 'unixepoch') AS time_utc,
                 t.equipment_id, t.tag, s.value, s.text,
                 CASE s.quality WHEN 0 THEN 'good' WHEN 1 THEN 'bad' WHEN 2 THEN 'no-communication' WHEN 3 THEN 'uncertain' ELSE s.quality END AS quality,
                 s.status
          FROM samples s JOIN tags t ON t.id = s.tag_id;
        CREATE VIEW status_events_readable AS
          SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', ts_ms / 1000.0, 'unixepoch') AS time_utc, source_id,
                 CASE online WHEN 1 THEN 'online' ELSE 'offline' END AS state, reason
          FROM status_events;
        CREATE VIEW collection_cycles_readable AS
          SELECT source_id, strftime('%Y-%m-%dT%H:%MZ', minute_ms / 1000, 'unixepoch') AS minute_utc, attempts, good
          FROM collection_cycles;
        CREATE VIEW rollups_readable AS
          SELECT equipment_id, period, local_day,
                 strftime('%Y-%m-%dT%H:%M:%SZ', start_ms / 1000, 'unixepoch') AS start_utc,
                 strftime('%Y-%m-%dT%H:%M:%SZ', end_ms / 1000, 'unixepoch') AS end_utc,
                 cycles, good_cycles, online_seconds, run_seconds, idle_seconds, down_seconds, off_seconds, unknown_seconds,
                 good_parts, bad_parts, total_parts, energy_kwh, gas_m3, water_m3, steam_tonnes, counter_resets
          FROM rollups;
        INSERT OR REPLACE INTO meta(key, value) VALUES
          ('time_columns', 'Columns ending in _ms are Unix epoch milliseconds, UTC: datetime(ts_ms / 1000, ''unixepoch''). The *_readable views show them as ISO 8601.'),
          ('quality_codes', '0 good, 1 bad (device error for the tag), 2 no communication, 3 uncertain'),
          ('samples_note', 'samples.value is NULL when the quality is not good or the tag is a string (see text)');
        """,

        // 3: samples indexed in time order again. A (tag_id, ts_ms) index spreads every insert over one insertion point
        // per tag, so its cost per row grows with the database (measured by tests/benchmarks/sqlite-index-ab.py:
        // 3 → 10 µs per row by 7M rows, against a flat ~2.5 µs in time order). Per-tag reads filter inside this index.
        """
        DROP INDEX IF EXISTS samples_by_tag_time;
        CREATE INDEX IF NOT EXISTS samples_by_time ON samples(ts_ms, tag_id);
        """,
    ];

    /// <summary>Brings the database to <see cref="Version"/>; returns the version found (0 for a new file).</summary>
    public static int Migrate(SqliteConnection connection, string path)
    {
        var found = UserVersion(connection);
        if (found > Version)
        {
            throw new StorageException($"{path} has schema version {found}, newer than this agent understands ({Version}); upgrade the agent");
        }

        for (var version = found + 1; version <= Version; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[version - 1] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {version};");
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return found;
    }

    /// <summary>The file's <c>PRAGMA user_version</c>.</summary>
    public static int UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
