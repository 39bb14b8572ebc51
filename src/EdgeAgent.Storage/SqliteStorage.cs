using System.Globalization;
using EdgeAgent.Core.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Storage;

/// <summary>
/// The agent's history in one SQLite file (<c>edgeagent.db</c>, WAL mode): raw samples, the status timeline, poll
/// cycle counts, rollups, entered facts. One writer connection, shared in turn by the recorder, retention and rollup
/// rebuilds; readers open their own connections, which WAL lets run beside the writer. Times are stored as UTC unix
/// milliseconds (<c>*_ms</c> columns) so an auditor can read them with <c>sqlite3</c>; the <c>*_readable</c> views
/// show them as ISO 8601.
/// </summary>
public sealed partial class SqliteStorage : IDisposable, IAsyncDisposable
{
    /// <summary>File name of the database inside the data folder.</summary>
    public const string FileName = "edgeagent.db";

    private const int SqliteFull = 13;
    private const int SqliteIoErr = 10;

    /// <summary>Rows per multi-row sample INSERT: one statement step per block instead of per row roughly doubles throughput.</summary>
    private const int SampleBlock = 64;

    private static readonly string[] SampleParameterPrefixes = ["$t", "$g", "$v", "$x", "$q", "$s"];

    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<TagKey, long> _tagIds = [];
    private readonly ILogger _logger;
    private readonly string _readerConnectionString;
    private readonly SqliteCommand _insertSample;
    private readonly SqliteCommand _insertSampleBlock;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _upsertCycle;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteCommand _selectTag;
    private bool _disposed;

    /// <summary>Opens (or creates) <c>edgeagent.db</c> in <paramref name="dataFolder"/> with default options.</summary>
    public SqliteStorage(string dataFolder, ILogger<SqliteStorage>? logger = null)
        : this(new SqliteStorageOptions { DataFolder = dataFolder }, logger)
    {
    }

    /// <summary>Opens (or creates) the database, applies pending schema migrations and prepares the write commands.</summary>
    public SqliteStorage(SqliteStorageOptions options, ILogger<SqliteStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.DataFolder);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Directory.CreateDirectory(options.DataFolder);
        DataFolder = Path.GetFullPath(options.DataFolder);
        DatabasePath = Path.Combine(DataFolder, FileName);
        var busySeconds = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);

        // The writer lives as long as the storage, so it bypasses the pool; readers are short-lived and pooled.
        var writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = busySeconds,
        }.ToString();
        _readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
            DefaultTimeout = busySeconds,
        }.ToString();

        _writer = new SqliteConnection(writerConnectionString);
        try
        {
            _writer.Open();
            Execute(_writer, string.Create(CultureInfo.InvariantCulture, $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA foreign_keys = ON;
                PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};
                PRAGMA cache_size = -{options.CacheSizeMb * 1024};
                PRAGMA journal_size_limit = 67108864;
                PRAGMA temp_store = MEMORY;
                """));
            var found = SqliteSchema.Migrate(_writer, DatabasePath);
            if (found == 0)
            {
                SetMeta("created_at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                Log.Created(_logger, DatabasePath, SqliteSchema.Version);
            }
            else if (found < SqliteSchema.Version)
            {
                Log.Migrated(_logger, DatabasePath, found, SqliteSchema.Version);
            }

            CheckAgentId(options.AgentId);
        }
        catch (SqliteException ex)
        {
            _writer.Dispose();
            throw new StorageException($"cannot open {DatabasePath}: {ex.Message} ({FreeSpace()})", ex);
        }

        _insertSample = Prepare("INSERT INTO samples(ts_ms, tag_id, value, text, quality, status) VALUES ($ts, $tag, $value, $text, $quality, $status)",
            "$ts", "$tag", "$value", "$text", "$quality", "$status");
        _insertSampleBlock = Prepare(
            "INSERT INTO samples(ts_ms, tag_id, value, text, quality, status) VALUES " +
                string.Join(", ", Enumerable.Range(0, SampleBlock).Select(r => string.Create(CultureInfo.InvariantCulture, $"($t{r}, $g{r}, $v{r}, $x{r}, $q{r}, $s{r})"))),
            [.. Enumerable.Range(0, SampleBlock).SelectMany(r => SampleParameterPrefixes.Select(n => n + r.ToString(CultureInfo.InvariantCulture)))]);
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

    /// <summary>Schema version of the open file (<c>PRAGMA user_version</c>).</summary>
    public static int SchemaVersion => SqliteSchema.Version;

    /// <summary>
    /// Writes samples, status events and cycle counts in one transaction: all or nothing. Cycle counts are added to
    /// what is stored for the same source and minute. A full disk raises <see cref="StorageFullException"/>, any other
    /// failure <see cref="StorageException"/>; either way nothing of this call is stored and the caller keeps the data
    /// to retry.
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
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction();
            try
            {
                Bind(transaction);
                var i = 0;
                var p = _insertSampleBlock.Parameters;
                for (; i + SampleBlock <= samples.Count; i += SampleBlock)
                {
                    for (var r = 0; r < SampleBlock; r++)
                    {
                        BindSample(p, r * 6, samples[i + r], newTags);
                    }

                    _insertSampleBlock.ExecuteNonQuery();
                }

                p = _insertSample.Parameters;
                for (; i < samples.Count; i++)
                {
                    BindSample(p, 0, samples[i], newTags);
                    _insertSample.ExecuteNonQuery();
                }

                p = _insertEvent.Parameters;
                foreach (var e in events)
                {
                    p[0].Value = ToMs(e.TimestampUtc);
                    p[1].Value = e.SourceId;
                    p[2].Value = e.Online ? 1 : 0;
                    p[3].Value = e.Reason;
                    _insertEvent.ExecuteNonQuery();
                }

                p = _upsertCycle.Parameters;
                foreach (var c in cycles)
                {
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
                var error = Translate(ex, "write");
                Log.WriteFailed(_logger, samples.Count, events.Count, cycles.Count, error.Message);
                throw error;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Opens a read-only connection (WAL readers do not block the writer). The caller disposes it.</summary>
    public SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_readerConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A value of the <c>meta</c> table, or null.</summary>
    public string? GetMeta(string key)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Sets a value of the <c>meta</c> table.</summary>
    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        await WithWriterAsync("meta", () => SetMeta(key, value), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the database's size limit in pages (tests use it to produce a real SQLITE_FULL).</summary>
    internal void SetMaxPageCount(long pages) => Execute(_writer, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count={pages};"));

    /// <summary>Pages the database file has now.</summary>
    internal long PageCount()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static long ToMs(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    internal static DateTime FromMs(long ms) => new(DateTime.UnixEpoch.Ticks + (ms * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>Runs <paramref name="action"/> on the writer under the write lock, translating SQLite errors.</summary>
    internal async Task<T> WithWriterAsync<T>(string operation, Func<SqliteConnection, T> action, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return action(_writer);
        }
        catch (SqliteException ex)
        {
            throw Translate(ex, operation);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Task<bool> WithWriterAsync(string operation, Action action, CancellationToken cancellationToken) =>
        WithWriterAsync(operation, _ =>
        {
            action();
            return true;
        }, cancellationToken);

    private void SetMeta(string key, string value)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private void CheckAgentId(string? agentId)
    {
        if (string.IsNullOrEmpty(agentId))
        {
            return;
        }

        using var command = _writer.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'agent_id'";
        if (command.ExecuteScalar() is string stored)
        {
            if (!string.Equals(stored, agentId, StringComparison.Ordinal))
            {
                // Kept, not overwritten: the file's history was collected by that agent, which evidence must say.
                Log.OtherAgent(_logger, DatabasePath, stored, agentId);
            }
        }
        else
        {
            SetMeta("agent_id", agentId);
        }
    }

    private void BindSample(SqliteParameterCollection p, int offset, in Sample sample, List<TagKey> newTags)
    {
        p[offset].Value = ToMs(sample.TimestampUtc);
        p[offset + 1].Value = TagId(sample.Key, newTags);
        p[offset + 2].Value = double.IsFinite(sample.Value) ? sample.Value : DBNull.Value;
        p[offset + 3].Value = (object?)sample.Text ?? DBNull.Value;
        p[offset + 4].Value = (int)sample.Quality;
        p[offset + 5].Value = (object?)sample.Status ?? DBNull.Value;
    }

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
        _insertSampleBlock.Transaction = transaction;
        _insertEvent.Transaction = transaction;
        _upsertCycle.Transaction = transaction;
        _insertTag.Transaction = transaction;
        _selectTag.Transaction = transaction;
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        // Compiled once here; each execution only rebinds the parameters.
        command.Prepare();
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

    /// <summary>A clear exception for a failed operation: full disk or not, with the path and the free space.</summary>
    internal StorageException Translate(SqliteException ex, string operation)
    {
        var primary = ex.SqliteErrorCode & 0xFF;
        var free = FreeBytes();
        var freeText = FreeSpace(free);

        // SQLite reports ENOSPC as SQLITE_FULL on most paths, but some (WAL append, fsync) surface as SQLITE_IOERR:
        // with almost no space left that is a full disk too.
        if (primary == SqliteFull || (primary == SqliteIoErr && free is < 16L * 1024 * 1024))
        {
            return new StorageFullException(
                $"storage full during {operation}: {DatabasePath} ({freeText}); nothing of this {operation} was stored, the caller keeps the data and retries",
                ex);
        }

        return new StorageException($"storage {operation} failed on {DatabasePath} ({freeText}): {ex.Message}", ex);
    }

    private long? FreeBytes()
    {
        try
        {
            return new DriveInfo(DataFolder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private string FreeSpace() => FreeSpace(FreeBytes());

    private static string FreeSpace(long? bytes) => bytes is { } b
        ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:F1} MiB free")
        : "free space unknown";

    /// <inheritdoc/>
    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            DisposeCore();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Waits for a write in progress so it is committed (or rolled back) before the connection closes.
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            DisposeCore();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void DisposeCore()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _insertSample.Dispose();
        _insertSampleBlock.Dispose();
        _insertEvent.Dispose();
        _upsertCycle.Dispose();
        _insertTag.Dispose();
        _selectTag.Dispose();
        try
        {
            // Fold the WAL into the database so the file an auditor copies is complete on its own.
            Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException ex)
        {
            Log.CheckpointFailed(_logger, DatabasePath, ex);
        }

        _writer.Dispose();
        using var pooled = new SqliteConnection(_readerConnectionString);
        SqliteConnection.ClearPool(pooled);
    }
}
