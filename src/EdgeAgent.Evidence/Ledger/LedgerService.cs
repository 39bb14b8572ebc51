using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// The evidence ledger: closes finished plant-local days into signed daily records, appends them to an append-only
/// table in <c>edgeagent.db</c>, keeps an RFC 6962 Merkle tree over the records (leaf = the record's canonical bytes)
/// and signs a tree head after every append. Late data for a closed day produces a correction record that names the
/// record it supersedes, and so do output facts entered for a closed day; nothing is ever updated or deleted. Thread-safe.
/// </summary>
public sealed class LedgerService : IDisposable
{
    /// <summary>The <c>typ</c> header of daily record signatures.</summary>
    public const string RecordJwsType = "edgeagent-day+jws";

    /// <summary>The <c>prev</c> of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private readonly SqliteStorage _storage;
    private readonly AgentConfig _config;
    private readonly LedgerOptions _options;
    private readonly DailyRecordBuilder _builder;
    private readonly SigningKeyStore _keys;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _connectionString;
    private MerkleTree? _tree;

    /// <summary>A ledger in <paramref name="storage"/>'s database, with keys under its data folder (<c>keys/</c>).</summary>
    public LedgerService(SqliteStorage storage, AgentConfig config, LedgerOptions? options = null, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(config);
        _storage = storage;
        _config = config;
        _options = options ?? new LedgerOptions();
        _builder = new DailyRecordBuilder(config, _options.AgentVersion, _options.Rollups);
        _keys = new SigningKeyStore(storage.DataFolder, loggers?.CreateLogger<SigningKeyStore>());
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)loggers?.CreateLogger<LedgerService>() ?? NullLogger.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = storage.DatabasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = OpenConnection();
        LedgerStore.EnsureSchema(connection);
    }

    /// <summary>The plant's time zone.</summary>
    public TimeZoneInfo Zone => _builder.Zone;

    /// <summary>Fingerprint of the configuration this service writes records with.</summary>
    public string ConfigFingerprint => _builder.ConfigFingerprint;

    /// <summary>The key store the ledger signs with.</summary>
    public SigningKeyStore Keys => _keys;

    /// <summary>The record builder (for provisional records and verification).</summary>
    public DailyRecordBuilder Builder => _builder;

    /// <summary>Closes every finished day (before today, plant-local) not closed yet, and re-checks the last closed days for late data.</summary>
    public Task<IReadOnlyList<LedgerEntry>> CloseFinishedDaysAsync(CancellationToken cancellationToken = default)
    {
        var today = DayBounds.DayOf(_time.GetUtcNow().ToUnixTimeMilliseconds(), Zone);
        return CloseThroughAsync(today.AddDays(-1), cancellationToken);
    }

    /// <summary>
    /// Closes every day up to <paramref name="lastDay"/> (inclusive) that is not closed yet, starting after the last closed
    /// day (or at the first day with any raw data), and re-checks the last <see cref="LedgerOptions.RecheckDays"/> closed days.
    /// Returns the records appended.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> CloseThroughAsync(DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = OpenConnection();
            var lastClosed = LedgerStore.LastDay(connection);
            DateOnly start;
            var days = new List<DateOnly>();
            if (lastClosed is { } closed)
            {
                for (var d = closed.AddDays(1 - Math.Max(0, _options.RecheckDays)); d <= closed && d <= lastDay; d = d.AddDays(1))
                {
                    days.Add(d);
                }

                start = closed.AddDays(1);
            }
            else if (RawDataReader.EarliestMs(connection) is { } earliest)
            {
                start = DayBounds.DayOf(earliest, Zone);
            }
            else
            {
                return [];
            }

            var pending = lastDay.DayNumber - start.DayNumber + 1;
            if (pending > _options.MaxDaysPerPass)
            {
                LedgerLog.TooManyDays(_logger, pending, DayBounds.Format(start), _options.MaxDaysPerPass);
                pending = _options.MaxDaysPerPass;
            }

            for (var i = 0; i < pending; i++)
            {
                days.Add(start.AddDays(i));
            }

            var appended = new List<LedgerEntry>();
            using var key = await CurrentKeyAsync(cancellationToken).ConfigureAwait(false);
            foreach (var day in days)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (CloseDayCore(connection, day, key) is { } entry)
                {
                    appended.Add(entry);
                }
            }

            return appended;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Re-checks the days <paramref name="from"/>..<paramref name="to"/> that are closed already (days not closed yet are
    /// left to the day closer) and appends a correction record for each whose raw data or entered output facts differ
    /// from its signed record: what entering output value for a past period calls. Returns the corrections appended.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> CorrectClosedDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = OpenConnection();
            var closed = LedgerStore.ByDays(connection, from, to).Select(e => e.Day).ToHashSet(StringComparer.Ordinal);
            if (closed.Count == 0)
            {
                return [];
            }

            var appended = new List<LedgerEntry>();
            using var key = await CurrentKeyAsync(cancellationToken).ConfigureAwait(false);
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (closed.Contains(DayBounds.Format(day)) && CloseDayCore(connection, day, key) is { } entry)
                {
                    appended.Add(entry);
                }
            }

            return appended;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Closes one day: appends its final record, or, when it is closed already and its raw data changed since (late
    /// data), a correction record; returns null when the day is closed and unchanged.
    /// </summary>
    public async Task<LedgerEntry?> CloseDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = OpenConnection();
            using var key = await CurrentKeyAsync(cancellationToken).ConfigureAwait(false);
            return CloseDayCore(connection, day, key);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// A provisional record of a day that is not over yet (kind <c>provisional</c>, no seq), signed but not stored:
    /// what the ledger would say if the day closed now.
    /// </summary>
    public async Task<LedgerEntry> BuildProvisionalAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        using var connection = OpenConnection();
        var data = RawDataReader.ReadDay(connection, DayBounds.Of(day, Zone));
        var now = _time.GetUtcNow();
        var record = _builder.Build(data, DailyRecordKind.Provisional, null, now.ToUnixTimeMilliseconds(), RawDataReader.NewestSampleMs(connection), Facts(day));
        var bytes = CanonicalJson.Serialize(record);
        using var key = await CurrentKeyAsync(cancellationToken).ConfigureAwait(false);
        return new LedgerEntry(0, DayBounds.Format(day), DailyRecordKind.Provisional, null, bytes, EvidenceHash.Sha256Hex(bytes),
            JwsSigner.Sign(bytes, key, RecordJwsType), LedgerStore.Now(now));
    }

    /// <summary>Every record of the days <paramref name="from"/>..<paramref name="to"/>, corrections and superseded ones included, by day then seq.</summary>
    public IReadOnlyList<LedgerEntry> GetRecords(DateOnly from, DateOnly to)
    {
        using var connection = OpenConnection();
        return LedgerStore.ByDays(connection, from, to);
    }

    /// <summary>The record in force for each day of the range (the last one appended for the day).</summary>
    public IReadOnlyList<LedgerEntry> GetEffectiveRecords(DateOnly from, DateOnly to) =>
        GetRecords(from, to).GroupBy(e => e.Day, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.Seq)!).ToList();

    /// <summary>Number of records in the ledger.</summary>
    public long Size
    {
        get
        {
            using var connection = OpenConnection();
            return LedgerStore.Last(connection)?.Seq ?? 0;
        }
    }

    /// <summary>The newest signed tree head, or null when the ledger is empty.</summary>
    public SignedTreeHead? LatestTreeHead()
    {
        using var connection = OpenConnection();
        return LedgerStore.LatestTreeHead(connection);
    }

    /// <summary>Signed tree heads with sizes in [<paramref name="fromSize"/>, <paramref name="toSize"/>].</summary>
    public IReadOnlyList<SignedTreeHead> TreeHeads(long fromSize, long toSize)
    {
        using var connection = OpenConnection();
        return LedgerStore.TreeHeadsBetween(connection, fromSize, toSize);
    }

    /// <summary>A stored effective configuration (redacted, canonical) by fingerprint, or null.</summary>
    public byte[]? GetConfig(string fingerprint)
    {
        using var connection = OpenConnection();
        return LedgerStore.Config(connection, fingerprint);
    }

    /// <summary>
    /// The records of <paramref name="day"/> with inclusion proofs against the tree of <paramref name="size"/> records
    /// (default: the newest signed tree head), and that tree's signed head. For the evidence API.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not between 1 and the ledger's size.</exception>
    public DayProof GetProof(DateOnly day, long? size = null)
    {
        using var connection = OpenConnection();
        var tree = Tree(connection);
        long treeSize = size ?? LedgerStore.LatestTreeHead(connection)?.Size ?? tree.Count;
        if (treeSize < 1 || treeSize > tree.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"tree size must be between 1 and {tree.Count}");
        }

        var records = LedgerStore.ByDays(connection, day, day)
            .Where(e => e.Seq <= treeSize)
            .Select(e => Inclusion(tree, e, treeSize))
            .ToList();
        return new DayProof(DayBounds.Format(day), treeSize, EvidenceEncoding.ToHex(tree.RootHash((int)treeSize)), LedgerStore.TreeHead(connection, treeSize), records);
    }

    /// <summary>Inclusion proof of one record in the tree of <paramref name="treeSize"/> records.</summary>
    public InclusionProof GetInclusionProof(LedgerEntry entry, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = OpenConnection();
        return Inclusion(Tree(connection), entry, treeSize);
    }

    /// <summary>RFC 6962 consistency proof from <paramref name="oldSize"/> to <paramref name="newSize"/> records.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1 ≤ old ≤ new ≤ ledger size.</exception>
    public ConsistencyProof GetConsistencyProof(long oldSize, long newSize)
    {
        using var connection = OpenConnection();
        var tree = Tree(connection);
        if (oldSize < 1 || oldSize > newSize || newSize > tree.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"need 1 <= oldSize <= newSize <= {tree.Count}");
        }

        var path = tree.ConsistencyProof((int)oldSize, (int)newSize).Select(h => EvidenceEncoding.ToHex(h)).ToList();
        return new ConsistencyProof(oldSize, newSize,
            EvidenceEncoding.ToHex(tree.RootHash((int)oldSize)), EvidenceEncoding.ToHex(tree.RootHash((int)newSize)), path,
            LedgerStore.TreeHead(connection, oldSize), LedgerStore.TreeHead(connection, newSize));
    }

    /// <inheritdoc/>
    public void Dispose() => _lock.Dispose();

    /// <summary>A read-write connection to the agent's database (the storage's reader connections are read-only).</summary>
    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static InclusionProof Inclusion(MerkleTree tree, LedgerEntry entry, long treeSize)
    {
        if (entry.Seq < 1 || entry.Seq > treeSize || treeSize > tree.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, $"record {entry.Seq} is not in a tree of {treeSize} records");
        }

        var path = tree.InclusionProof((int)entry.Seq - 1, (int)treeSize).Select(h => EvidenceEncoding.ToHex(h)).ToList();
        return new InclusionProof(entry, entry.Seq - 1, treeSize, path);
    }

    private LedgerEntry? CloseDayCore(SqliteConnection connection, DateOnly day, SigningKey key)
    {
        var bounds = DayBounds.Of(day, Zone);
        var data = RawDataReader.ReadDay(connection, bounds);
        var newest = RawDataReader.NewestSampleMs(connection);
        var effective = LedgerStore.ByDays(connection, day, day).MaxBy(e => e.Seq);
        var facts = Facts(day);
        if (effective is not null)
        {
            var signedRecord = JsonNode.Parse(effective.RecordJson);
            var signed = DayDigest.FromJson(signedRecord?["digest"]);

            // Unchanged when neither the raw data nor the output facts entered for the day differ from the signed record.
            if (signed is not null && string.Equals(signed.Sha256, data.Digest().Sha256, StringComparison.Ordinal)
                && CanonicalJson.Serialize(signedRecord?["outputFacts"]).AsSpan().SequenceEqual(CanonicalJson.Serialize(DayIndicators.FactsToJson(facts))))
            {
                return null;
            }
        }

        var now = _time.GetUtcNow();
        var createdAt = LedgerStore.Now(now);
        LedgerEntry entry;
        try
        {
            var tree = Tree(connection);
            using var transaction = connection.BeginTransaction();
            var last = LedgerStore.Last(connection, transaction);
            var seq = (last?.Seq ?? 0) + 1;
            var supersedes = effective is null ? null : new SupersededRecord(effective.Seq, effective.RecordHash);
            var kind = effective is null ? DailyRecordKind.Final : DailyRecordKind.Correction;
            var record = _builder.Build(data, kind, new LedgerChain(seq, last?.RecordHash ?? GenesisHash, supersedes), now.ToUnixTimeMilliseconds(), newest, facts);
            var bytes = CanonicalJson.Serialize(record);
            entry = new LedgerEntry(seq, DayBounds.Format(day), kind, effective?.Seq, bytes, EvidenceHash.Sha256Hex(bytes),
                JwsSigner.Sign(bytes, key, RecordJwsType), createdAt);

            LedgerStore.InsertConfig(connection, transaction, _builder.ConfigFingerprint, EffectiveConfig.CanonicalBytes(_config), createdAt);
            var leaf = MerkleTree.HashLeaf(bytes);
            LedgerStore.Insert(connection, transaction, entry, EvidenceEncoding.ToHex(leaf));
            tree.AppendLeafHash(leaf);
            var root = EvidenceEncoding.ToHex(tree.RootHash());
            var payload = CanonicalJson.Serialize(SignedTreeHead.Payload(_config.Site.AgentId, seq, root, createdAt));
            LedgerStore.Insert(connection, transaction, new SignedTreeHead(seq, root, createdAt, JwsSigner.Sign(payload, key, SignedTreeHead.JwsType)), createdAt);
            transaction.Commit();
        }
        catch
        {
            // The in-memory tree may hold a leaf the database does not: rebuild it from the table next time.
            _tree = null;
            throw;
        }

        if (entry.SupersedesSeq is { } superseded)
        {
            LedgerLog.Correction(_logger, entry.Day, entry.Seq, superseded);
        }
        else
        {
            var digest = data.Digest().Sha256;
            LedgerLog.DayClosed(_logger, entry.Day, entry.Seq, entry.Kind, digest);
        }

        return entry;
    }

    private MerkleTree Tree(SqliteConnection connection)
    {
        // Another process (the CLI) may have appended since: the tree must match the table.
        var count = LedgerStore.Last(connection)?.Seq ?? 0;
        if (_tree is null || _tree.Count != count)
        {
            _tree = MerkleTree.FromLeafHashes(LedgerStore.LeafHashes(connection));
        }

        return _tree;
    }

    private IReadOnlyList<OutputFact> Facts(DateOnly day) => _options.OutputFacts is { } facts ? facts(day) : _storage.ReadOutputFacts(day, day);

    private async Task<SigningKey> CurrentKeyAsync(CancellationToken cancellationToken)
    {
        if (!_keys.HasCurrentKey)
        {
            try
            {
                var kid = await _keys.InitAsync(cancellationToken).ConfigureAwait(false);
                LedgerLog.KeyCreated(_logger, _keys.KeysFolder, kid);
            }
            catch (InvalidOperationException)
            {
                // Another process created it between the check and the init: use theirs.
            }
        }

        return _keys.LoadCurrent();
    }
}
