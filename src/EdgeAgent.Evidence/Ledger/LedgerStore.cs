using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// The ledger's tables inside <c>edgeagent.db</c>. Append-only by construction: triggers abort any UPDATE or DELETE
/// of a ledger row, and an insert whose seq is not the next one, so neither a bug nor a careless <c>sqlite3</c>
/// session can rewrite history without dropping the triggers (which an auditor would see in the schema).
/// Retention works on the raw tables only and never names these.
/// </summary>
public static class LedgerStore
{
    /// <summary>Creates the tables and triggers when missing (idempotent).</summary>
    public static void EnsureSchema(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS ledger_records(
                seq INTEGER PRIMARY KEY,
                day TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('final', 'correction')),
                supersedes_seq INTEGER REFERENCES ledger_records(seq),
                record_json BLOB NOT NULL,
                record_hash TEXT NOT NULL,
                leaf_hash TEXT NOT NULL,
                jws TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ledger_records_by_day ON ledger_records(day, seq);
            CREATE TABLE IF NOT EXISTS ledger_tree_heads(
                size INTEGER PRIMARY KEY,
                root TEXT NOT NULL,
                timestamp TEXT NOT NULL,
                jws TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS ledger_configs(
                fingerprint TEXT PRIMARY KEY,
                config_json BLOB NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TRIGGER IF NOT EXISTS ledger_records_no_update BEFORE UPDATE ON ledger_records
                BEGIN SELECT RAISE(ABORT, 'ledger_records is append-only: rows cannot be updated'); END;
            CREATE TRIGGER IF NOT EXISTS ledger_records_no_delete BEFORE DELETE ON ledger_records
                BEGIN SELECT RAISE(ABORT, 'ledger_records is append-only: rows cannot be deleted'); END;
            CREATE TRIGGER IF NOT EXISTS ledger_records_next_seq BEFORE INSERT ON ledger_records
                WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM ledger_records)
                BEGIN SELECT RAISE(ABORT, 'ledger_records seq must be the next number'); END;
            CREATE TRIGGER IF NOT EXISTS ledger_tree_heads_no_update BEFORE UPDATE ON ledger_tree_heads
                BEGIN SELECT RAISE(ABORT, 'ledger_tree_heads is append-only: rows cannot be updated'); END;
            CREATE TRIGGER IF NOT EXISTS ledger_tree_heads_no_delete BEFORE DELETE ON ledger_tree_heads
                BEGIN SELECT RAISE(ABORT, 'ledger_tree_heads is append-only: rows cannot be deleted'); END;
            CREATE TRIGGER IF NOT EXISTS ledger_configs_no_update BEFORE UPDATE ON ledger_configs
                BEGIN SELECT RAISE(ABORT, 'ledger_configs is append-only: rows cannot be updated'); END;
            CREATE TRIGGER IF NOT EXISTS ledger_configs_no_delete BEFORE DELETE ON ledger_configs
                BEGIN SELECT RAISE(ABORT, 'ledger_configs is append-only: rows cannot be deleted'); END;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Every leaf hash, in seq order (to rebuild the Merkle tree).</summary>
    public static List<byte[]> LeafHashes(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT leaf_hash FROM ledger_records ORDER BY seq";
        using var reader = command.ExecuteReader();
        var list = new List<byte[]>();
        while (reader.Read())
        {
            list.Add(EvidenceEncoding.FromHex(reader.GetString(0)));
        }

        return list;
    }

    /// <summary>The record with the highest seq, or null.</summary>
    public static LedgerEntry? Last(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Query(connection, transaction, "ORDER BY seq DESC LIMIT 1").FirstOrDefault();

    /// <summary>Every record of days <paramref name="from"/>..<paramref name="to"/>, by day then seq.</summary>
    public static List<LedgerEntry> ByDays(SqliteConnection connection, DateOnly from, DateOnly to, SqliteTransaction? transaction = null) =>
        Query(connection, transaction, "WHERE day >= $from AND day <= $to ORDER BY day, seq",
            ("$from", DayBounds.Format(from)), ("$to", DayBounds.Format(to)));

    /// <summary>The record with this seq, or null.</summary>
    public static LedgerEntry? BySeq(SqliteConnection connection, long seq) => Query(connection, null, "WHERE seq = $seq", ("$seq", seq)).FirstOrDefault();

    /// <summary>Latest closed day, or null.</summary>
    public static DateOnly? LastDay(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(day) FROM ledger_records";
        return command.ExecuteScalar() is string text && DayBounds.TryParse(text, out var day) ? day : null;
    }

    /// <summary>Appends a record (its seq must be the next number: the trigger enforces it).</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, LedgerEntry entry, string leafHashHex)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO ledger_records(seq, day, kind, supersedes_seq, record_json, record_hash, leaf_hash, jws, created_at) " +
            "VALUES ($seq, $day, $kind, $supersedes, $json, $hash, $leaf, $jws, $created)";
        command.Parameters.AddWithValue("$seq", entry.Seq);
        command.Parameters.AddWithValue("$day", entry.Day);
        command.Parameters.AddWithValue("$kind", entry.Kind);
        command.Parameters.AddWithValue("$supersedes", (object?)entry.SupersedesSeq ?? DBNull.Value);
        command.Parameters.AddWithValue("$json", entry.RecordJson);
        command.Parameters.AddWithValue("$hash", entry.RecordHash);
        command.Parameters.AddWithValue("$leaf", leafHashHex);
        command.Parameters.AddWithValue("$jws", entry.Jws);
        command.Parameters.AddWithValue("$created", entry.CreatedAt);
        command.ExecuteNonQuery();
    }

    /// <summary>Stores a signed tree head.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, SignedTreeHead head, string createdAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(head);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO ledger_tree_heads(size, root, timestamp, jws, created_at) VALUES ($size, $root, $ts, $jws, $created)";
        command.Parameters.AddWithValue("$size", head.Size);
        command.Parameters.AddWithValue("$root", head.Root);
        command.Parameters.AddWithValue("$ts", head.Timestamp);
        command.Parameters.AddWithValue("$jws", head.Jws);
        command.Parameters.AddWithValue("$created", createdAt);
        command.ExecuteNonQuery();
    }

    /// <summary>Stores a redacted effective configuration under its fingerprint (once).</summary>
    public static void InsertConfig(SqliteConnection connection, SqliteTransaction transaction, string fingerprint, byte[] canonicalConfig, string createdAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO ledger_configs(fingerprint, config_json, created_at) SELECT $fp, $json, $created " +
            "WHERE NOT EXISTS (SELECT 1 FROM ledger_configs WHERE fingerprint = $fp)";
        command.Parameters.AddWithValue("$fp", fingerprint);
        command.Parameters.AddWithValue("$json", canonicalConfig);
        command.Parameters.AddWithValue("$created", createdAt);
        command.ExecuteNonQuery();
    }

    /// <summary>A stored configuration by fingerprint, or null.</summary>
    public static byte[]? Config(SqliteConnection connection, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT config_json FROM ledger_configs WHERE fingerprint = $fp";
        command.Parameters.AddWithValue("$fp", fingerprint);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>The signed tree head of exactly <paramref name="size"/> records, or null when none was signed at that size.</summary>
    public static SignedTreeHead? TreeHead(SqliteConnection connection, long size) =>
        TreeHeads(connection, "WHERE size = $size", ("$size", size)).FirstOrDefault();

    /// <summary>The newest signed tree head, or null.</summary>
    public static SignedTreeHead? LatestTreeHead(SqliteConnection connection) => TreeHeads(connection, "ORDER BY size DESC LIMIT 1").FirstOrDefault();

    /// <summary>Signed tree heads with <paramref name="fromSize"/> ≤ size ≤ <paramref name="toSize"/>.</summary>
    public static List<SignedTreeHead> TreeHeadsBetween(SqliteConnection connection, long fromSize, long toSize) =>
        TreeHeads(connection, "WHERE size >= $from AND size <= $to ORDER BY size", ("$from", fromSize), ("$to", toSize));

    private static List<SignedTreeHead> TreeHeads(SqliteConnection connection, string tail, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT size, root, timestamp, jws FROM ledger_tree_heads " + tail;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var list = new List<SignedTreeHead>();
        while (reader.Read())
        {
            list.Add(new SignedTreeHead(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return list;
    }

    private static List<LedgerEntry> Query(SqliteConnection connection, SqliteTransaction? transaction, string tail, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq, day, kind, supersedes_seq, record_json, record_hash, jws, created_at FROM ledger_records " + tail;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var list = new List<LedgerEntry>();
        while (reader.Read())
        {
            list.Add(new LedgerEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                (byte[])reader.GetValue(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7)));
        }

        return list;
    }

    internal static string Now(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
