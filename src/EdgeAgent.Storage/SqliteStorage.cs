using System.Globalization;
using EdgeAgent.Core.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Storage;

/// <summary>
/// The agent's history in one SQLite file (<c>edgeagent.db</c>, WAL mode): raw samples, the status timeline and poll
/// cycle counts. One writer connection (the recorder and retention take turns); readers open their own connections,
/// which WAL lets run beside the writer. Times are stored as UTC unix milliseconds so an auditor can read them with
/// <c>sqlite3</c> (<c>datetime(ts_ms/1000,'unixepoch')</c>).
/// </summary>
public sealed partial class SqliteStorage : IDisposable
{
    /// <summary>File name of the database inside the data folder.</summary>
    public const string FileName = "edgeagent.db";

    private const int SchemaVersion = 1;

    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<TagKey, long> _tagIds = [];
    private readonly ILogger _logger;
    private readonly string _connectionString;
    private readonly SqliteCommand _insertSample;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _upsertCycle;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteCommand _selectTag;

    public SqliteStorage(string dataFolder, ILogger<SqliteStorage>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Directory.CreateDirectory(dataFolder);
        DataFolder = Path.GetFullPath(dataFolder);
        DatabasePath = Path.Combine(DataFolder, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        Migrate();

        _insertSample = Prepare("INSERT INTO samples(ts_ms, tag_id, value, text, quality, status) VALUES ($ts, $tag, $value, $text, $quality, $status)",
            "$ts", "$tag", "$value", "$text", "$quality", "$status");
        _insertEvent = Prepare("INSERT INTO status_events(ts_ms, source_id, online, reason) VALUES ($ts, $source, $online, $reason)",
            "$ts", "$source", "$online", "$reason");
        _upsertCycle = Prepare(
            "INSERT INTO collection_cycles(source_id, minute_ms, attempts, good) VALUES ($source, $minute, $attempts, $good) " +
            "ON CONFLICT(source_id, minute_ms) DO UPDATE SET attempts = attempts + excluded.attempts, good = good + excluded.good",
            "$source", "$minute", "$attempts", "$good");
        _insertTag = Prepare("INSERT OR IGNORE INTO tags(equipment_id, tag) VALUES ($equipment, $tag)", "$equipment", "$tag");
        _selectTag = Prepare("SELECT id FROM tags WHERE equipment_id = $equipment AND tag = $tag", "$equipment", "$tag");
    }

    /// <summary>Full path of the data folder.</summary>
    public string DataFolder { get; }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Writes samples, status events and cycle counts in one transaction: all or nothing. A full disk raises
    /// <see cref="StorageFullException"/>, any other failure <see cref="StorageException"/>; either way nothing of
    /// this call is stored and the caller keeps the data to retry.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<Sample> samples, IReadOnlyList<StatusEvent> events, IReadOnlyList<CycleCount> cycles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(cycles);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var newTags = new List<TagKey>();
        try
        {
            using var transaction = _writer.BeginTransaction();
            try
            {
                Bind(transaction);
                foreach (var sample in samples)
                {
                    var p = _insertSample.Parameters;
                    p[0].Value = ToMs(sample.TimestampUtc);
                    p[1].Value = TagId(sample.Key, newTags);
                    p[2].Value = double.IsNaN(sample.Value) ? DBNull.Value : sample.Value;
                    p[3].Value = (object?)sample.Text ?? DBNull.Value;
                    p[4].Value = (int)sample.Quality;
                    p[5].Value = (object?)sample.Status ?? DBNull.Value;
                    _insertSample.ExecuteNonQuery();
                }

                foreach (var e in events)
                {
                    var p = _insertEvent.Parameters;
                    p[0].Value = ToMs(e.TimestampUtc);
                    p[1].Value = e.SourceId;
                    p[2].Value = e.Online ? 1 : 0;
                    p[3].Value = e.Reason;
                    _insertEvent.ExecuteNonQuery();
                }

                foreach (var c in cycles)
                {
                    var p = _upsertCycle.Parameters;
                    p[0].Value = c.SourceId;
                    p[1].Value = ToMs(c.MinuteUtc);
                    p[2].Value = c.Attempts;
                    p[3].Value = c.Good;
                    _upsertCycle.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                // Tag ids handed out inside the rolled-back transaction do not exist: forget them.
                foreach (var key in newTags)
                {
                    _tagIds.Remove(key);
                }

                SafeRollback(transaction);
                throw Translate(ex, "write");
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

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
        command.CommandText = "SELECT (SELECT ts_ms FROM samples ORDER BY ts_ms ASC LIMIT 1), (SELECT ts_ms FROM samples ORDER BY ts_ms DESC LIMIT 1)";
        using var reader = command.ExecuteReader();
        reader.Read();
        DateTime? oldest = reader.IsDBNull(0) ? null : FromMs(reader.GetInt64(0));
        DateTime? newest = reader.IsDBNull(1) ? null : FromMs(reader.GetInt64(1));
        return new StorageInfo(DatabasePath, bytes, oldest, newest);
    }

    /// <summary>Raw samples with <paramref name="fromUtc"/> ≤ time &lt; <paramref name="toUtc"/>, in time order, streamed.</summary>
    public IEnumerable<StoredSample> ReadSamples(DateTime fromUtc, DateTime toUtc, string? equipmentId = null)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT t.equipment_id, t.tag, s.ts_ms, s.value, s.text, s.quality, s.status FROM samples s JOIN tags t ON t.id = s.tag_id " +
            "WHERE s.ts_ms >= $from AND s.ts_ms < $to" + (equipmentId is null ? "" : " AND t.equipment_id = $equipment") +
            " ORDER BY s.ts_ms, s.rowid";
        command.Parameters.AddWithValue("$from", ToMs(fromUtc));
        command.Parameters.AddWithValue("$to", ToMs(toUtc));
        if (equipmentId is not null)
        {
            command.Parameters.AddWithValue("$equipment", equipmentId);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredSample(
                reader.GetString(0),
                reader.GetString(1),
                FromMs(reader.GetInt64(2)),
                reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                (SampleQuality)reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6));
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
        using var reader = command.ExecuteReader();
        var list = new List<StatusEvent>();
        while (reader.Read())
        {
            list.Add(new StatusEvent(reader.GetString(0), FromMs(reader.GetInt64(1)), reader.GetInt64(2) != 0, reader.GetString(3)));
        }

        return list;
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

    /// <summary>
    /// Deletes raw samples, status events and cycle counts older than <paramref name="cutoffUtc"/>, at most
    /// <paramref name="batchRows"/> rows per transaction, yielding the writer between batches so ingest is not stalled.
    /// </summary>
    public async Task<RetentionResult> DeleteOlderThanAsync(DateTime cutoffUtc, int batchRows = 5000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        var cutoff = ToMs(cutoffUtc);
        var samples = await DeleteInBatchesAsync("samples", "ts_ms", cutoff, batchRows, cancellationToken).ConfigureAwait(false);
        var events = await DeleteInBatchesAsync("status_events", "ts_ms", cutoff, batchRows, cancellationToken).ConfigureAwait(false);
        var cycles = await DeleteInBatchesAsync("collection_cycles", "minute_ms", cutoff, batchRows, cancellationToken).ConfigureAwait(false);
        var result = new RetentionResult(samples, events, cycles);
        if (samples + events + cycles > 0)
        {
            Log.RetentionDeleted(_logger, samples, events, cycles, cutoffUtc);
        }

        return result;
    }

    private async Task<long> DeleteInBatchesAsync(string table, string column, long cutoff, int batchRows, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            int deleted;
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var command = _writer.CreateCommand();
                command.CommandText = $"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE {column} < $cutoff LIMIT $n)";
                command.Parameters.AddWithValue("$cutoff", cutoff);
                command.Parameters.AddWithValue("$n", batchRows);
                deleted = command.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                throw Translate(ex, "retention");
            }
            finally
            {
                _writeLock.Release();
            }

            total += deleted;
            if (deleted < batchRows)
            {
                return total;
            }

            await Task.Yield();
        }
    }

    /// <summary>Opens a read-only connection (WAL readers do not block the writer).</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Sets the database's size limit in pages (tests use it to produce a real SQLITE_FULL).</summary>
    internal void SetMaxPageCount(long pages) => Execute(_writer, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count={pages};"));

    internal static long ToMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    internal static DateTime FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    private long TagId(TagKey key, List<TagKey> newTags)
    {
        if (_tagIds.TryGetValue(key, out var id))
        {
            return id;
        }

        _insertTag.Parameters[0].Value = key.EquipmentId;
        _insertTag.Parameters[1].Value = key.Tag;
        _insertTag.ExecuteNonQuery();
        _selectTag.Parameters[0].Value = key.EquipmentId;
        _selectTag.Parameters[1].Value = key.Tag;
        id = (long)_selectTag.ExecuteScalar()!;
        _tagIds[key] = id;
        newTags.Add(key);
        return id;
    }

    private void Bind(SqliteTransaction transaction)
    {
        _insertSample.Transaction = transaction;
        _insertEvent.Transaction = transaction;
        _upsertCycle.Transaction = transaction;
        _insertTag.Transaction = transaction;
        _selectTag.Transaction = transaction;
    }

    private void Migrate()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new StorageException($"{DatabasePath} has schema version {version}, newer than this agent understands ({SchemaVersion}); upgrade the agent");
        }

        if (version < 1)
        {
            using var transaction = _writer.BeginTransaction();
            Execute(_writer, """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE tags(id INTEGER PRIMARY KEY, equipment_id TEXT NOT NULL, tag TEXT NOT NULL, UNIQUE(equipment_id, tag));
                CREATE TABLE samples(ts_ms INTEGER NOT NULL, tag_id INTEGER NOT NULL REFERENCES tags(id), value REAL, text TEXT, quality INTEGER NOT NULL, status TEXT);
                CREATE INDEX samples_by_time ON samples(ts_ms);
                CREATE TABLE status_events(id INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL, source_id TEXT NOT NULL, online INTEGER NOT NULL, reason TEXT NOT NULL);
                CREATE INDEX status_events_by_time ON status_events(ts_ms);
                CREATE TABLE collection_cycles(source_id TEXT NOT NULL, minute_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, good INTEGER NOT NULL, UNIQUE(source_id, minute_ms));
                CREATE INDEX collection_cycles_by_time ON collection_cycles(minute_ms);
                PRAGMA user_version = 1;
                """, transaction);
            using var meta = _writer.CreateCommand();
            meta.Transaction = transaction;
            meta.CommandText = "INSERT INTO meta(key, value) VALUES ('created_at', $now)";
            meta.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            meta.ExecuteNonQuery();
            transaction.Commit();
            Log.Created(_logger, DatabasePath);
        }
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void SafeRollback(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled back (e.g. on SQLITE_FULL); nothing was committed either way.
        }
        catch (InvalidOperationException)
        {
        }
    }

    private StorageException Translate(SqliteException ex, string operation)
    {
        const int SqliteFull = 13;
        if (ex.SqliteErrorCode == SqliteFull)
        {
            var free = FreeSpace();
            return new StorageFullException($"storage full during {operation}: {DatabasePath} ({free}); nothing of this write was stored, it is retried", ex);
        }

        return new StorageException($"storage {operation} failed on {DatabasePath}: {ex.Message}", ex);
    }

    private string FreeSpace()
    {
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(DatabasePath)!);
            return string.Create(CultureInfo.InvariantCulture, $"{drive.AvailableFreeSpace / 1048576.0:F1} MB free on {drive.Name}");
        }
        catch (IOException)
        {
            return "free space unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "free space unknown";
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _insertSample.Dispose();
        _insertEvent.Dispose();
        _upsertCycle.Dispose();
        _insertTag.Dispose();
        _selectTag.Dispose();
        _writer.Dispose();
        _writeLock.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Created database {Path}")]
        public static partial void Created(ILogger logger, string path);

        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Retention deleted {Samples} samples, {Events} status events, {Cycles} cycle rows older than {Cutoff:u}")]
        public static partial void RetentionDeleted(ILogger logger, long samples, long events, long cycles, DateTime cutoff);
    }
}
