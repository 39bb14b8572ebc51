using System.Globalization;
using System.Text;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Publishing.Outbox;

/// <summary>
/// The durable outbox: table <c>outbox</c> in <c>edgeagent.db</c>, one row per (channel, ledger record). Rows are
/// inserted by the feeder, then moved from <c>pending</c> to <c>delivered</c> or <c>parked</c> by the channel's
/// dispatcher; they are never deleted, so the table doubles as the delivery log. The payload is the record's compact
/// JWS, byte for byte what the ledger stored in <c>ledger_records.jws</c>. Thread-safe (a connection per call).
/// </summary>
public sealed class OutboxStore
{
    private readonly string _connectionString;

    /// <summary>An outbox in <paramref name="storage"/>'s database (the table is created when missing).</summary>
    public OutboxStore(SqliteStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = storage.DatabasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS outbox(
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                record_seq INTEGER NOT NULL,
                day TEXT NOT NULL,
                kind TEXT NOT NULL,
                channel TEXT NOT NULL CHECK (channel IN ('https', 'mqtt')),
                payload BLOB NOT NULL,
                idempotency_key TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'parked')),
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                next_attempt_at TEXT,
                enqueued_at TEXT NOT NULL,
                delivered_at TEXT,
                UNIQUE (channel, record_seq));
            CREATE INDEX IF NOT EXISTS outbox_by_state ON outbox(channel, state, record_seq);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The name of a channel in the <c>channel</c> column, the API and the metrics.</summary>
    public static string Name(OutboxChannel channel) => channel switch
    {
        OutboxChannel.Https => "https",
        OutboxChannel.Mqtt => "mqtt",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>Highest ledger seq enqueued for <paramref name="channel"/> (0 when none).</summary>
    public long LastRecordSeq(OutboxChannel channel)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(record_seq), 0) FROM outbox WHERE channel = $channel";
        command.Parameters.AddWithValue("$channel", Name(channel));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Adds every entry for every channel in one transaction; rows that exist already are left alone. Returns the rows added.</summary>
    public int Enqueue(IReadOnlyList<LedgerEntry> entries, IReadOnlyList<OutboxChannel> channels, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(channels);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO outbox(record_seq, day, kind, channel, payload, idempotency_key, enqueued_at) " +
            "VALUES ($record, $day, $kind, $channel, $payload, $key, $now)";
        var record = command.Parameters.Add("$record", SqliteType.Integer);
        var day = command.Parameters.Add("$day", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var channel = command.Parameters.Add("$channel", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Blob);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.AddWithValue("$now", Format(now));
        var added = 0;
        foreach (var entry in entries)
        {
            foreach (var target in channels)
            {
                record.Value = entry.Seq;
                day.Value = entry.Day;
                kind.Value = entry.Kind;
                channel.Value = Name(target);
                payload.Value = Encoding.ASCII.GetBytes(entry.Jws);
                key.Value = entry.RecordHash;
                added += command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return added;
    }

    /// <summary>The pending row of <paramref name="channel"/> with the lowest ledger seq (the head of the line), or null.</summary>
    public OutboxItem? NextPending(OutboxChannel channel) =>
        Query("WHERE channel = $channel AND state = 'pending' ORDER BY record_seq LIMIT 1", ("$channel", Name(channel))).FirstOrDefault();

    /// <summary>Rows of <paramref name="channel"/> in ledger order (all states).</summary>
    public IReadOnlyList<OutboxItem> Items(OutboxChannel channel) =>
        Query("WHERE channel = $channel ORDER BY record_seq", ("$channel", Name(channel)));

    /// <summary>Parked rows, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<OutboxItem> Parked(int limit) =>
        Query("WHERE state = 'parked' ORDER BY seq DESC LIMIT $limit", ("$limit", limit));

    /// <summary>Marks a row delivered (the attempt that succeeded is counted).</summary>
    public void MarkDelivered(long id, DateTimeOffset at) =>
        Execute("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_at = $at, next_attempt_at = NULL WHERE seq = $id",
            ("$id", id), ("$at", Format(at)));

    /// <summary>Counts a failed attempt, keeps its error and when the next attempt is due.</summary>
    public void RecordFailure(long id, string error, DateTimeOffset nextAttemptAt) =>
        Execute("UPDATE outbox SET attempts = attempts + 1, last_error = $error, next_attempt_at = $next WHERE seq = $id",
            ("$id", id), ("$error", error), ("$next", Format(nextAttemptAt)));

    /// <summary>Parks a row: the receiver refused it for good; the reason is kept and shown on the status page.</summary>
    public void Park(long id, string reason) =>
        Execute("UPDATE outbox SET state = 'parked', attempts = attempts + 1, last_error = $error, next_attempt_at = NULL WHERE seq = $id",
            ("$id", id), ("$error", reason));

    /// <summary>
    /// Puts parked rows back in line (the operator fixed what the receiver refused: a token, the agent's registration,
    /// the platform's schema): state pending, no wait, the refusal kept in <c>last_error</c> prefixed with
    /// "requeued after: " so the delivery log still shows it. The dispatcher picks them up within its feed interval,
    /// in ledger order ahead of later records. <paramref name="ids"/> are outbox row ids (<see cref="OutboxItem.Id"/>);
    /// null requeues every parked row (of <paramref name="channel"/> when given). Rows that are not parked are left
    /// alone. Returns the rows requeued.
    /// </summary>
    public int Requeue(IReadOnlyCollection<long>? ids, OutboxChannel? channel = null)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE outbox SET state = 'pending', next_attempt_at = NULL, " +
            "last_error = 'requeued after: ' || COALESCE(last_error, 'parked') WHERE state = 'parked'" +
            (channel is null ? string.Empty : " AND channel = $channel") +
            (ids is null ? string.Empty : " AND seq = $id");
        if (channel is { } only)
        {
            command.Parameters.AddWithValue("$channel", Name(only));
        }

        var requeued = 0;
        if (ids is null)
        {
            requeued = command.ExecuteNonQuery();
        }
        else
        {
            var id = command.Parameters.Add("$id", SqliteType.Integer);
            foreach (var one in ids)
            {
                id.Value = one;
                requeued += command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return requeued;
    }

    /// <summary>Row counts of one channel.</summary>
    public OutboxCounts Counts(OutboxChannel channel)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " +
            "COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'delivered'), 0), COALESCE(SUM(state = 'parked'), 0), MAX(delivered_at) " +
            "FROM outbox WHERE channel = $channel";
        command.Parameters.AddWithValue("$channel", Name(channel));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OutboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : Parse(reader.GetString(3)));
    }

    internal static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static OutboxChannel ParseChannel(string name) => name switch
    {
        "https" => OutboxChannel.Https,
        "mqtt" => OutboxChannel.Mqtt,
        _ => throw new InvalidDataException($"outbox: unknown channel '{name}'"),
    };

    private static OutboxState ParseState(string name) => name switch
    {
        "pending" => OutboxState.Pending,
        "delivered" => OutboxState.Delivered,
        "parked" => OutboxState.Parked,
        _ => throw new InvalidDataException($"outbox: unknown state '{name}'"),
    };

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        return connection;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private List<OutboxItem> Query(string tail, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, record_seq, day, kind, channel, payload, idempotency_key, state, attempts, last_error, next_attempt_at, delivered_at " +
            "FROM outbox " + tail;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var list = new List<OutboxItem>();
        while (reader.Read())
        {
            list.Add(new OutboxItem(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                ParseChannel(reader.GetString(4)),
                (byte[])reader.GetValue(5),
                reader.GetString(6),
                ParseState(reader.GetString(7)),
                reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : Parse(reader.GetString(10)),
                reader.IsDBNull(11) ? null : Parse(reader.GetString(11))));
        }

        return list;
    }
}
