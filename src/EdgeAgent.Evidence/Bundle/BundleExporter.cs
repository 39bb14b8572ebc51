using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>
/// Writes an evidence bundle (zip) for a range of plant-local days: the signed daily records with their inclusion
/// proofs and the signed tree head, the public keys, the raw rows of the range as CSV and as a SQLite slice, the
/// configurations in force, a README for the auditor and a signed manifest with every file's SHA-256
/// (docs/evidence.md, "Bundle layout").
/// </summary>
public sealed class BundleExporter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly LedgerService _ledger;
    private readonly SqliteStorage _storage;
    private readonly AgentConfig _config;
    private readonly TimeProvider _time;

    /// <summary>An exporter over <paramref name="ledger"/> and the raw data in <paramref name="storage"/>.</summary>
    public BundleExporter(LedgerService ledger, SqliteStorage storage, AgentConfig config, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(config);
        _ledger = ledger;
        _storage = storage;
        _config = config;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Writes the bundle to <paramref name="path"/> (through a temporary file, so a failed export leaves no partial bundle).</summary>
    public async Task<BundleExportResult> ExportAsync(DateOnly from, DateOnly to, string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".partial";
        BundleExportResult result;
        try
        {
            var stream = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            await using (stream.ConfigureAwait(false))
            {
                result = await ExportAsync(from, to, stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return result;
    }

    /// <summary>Writes the bundle as a zip to <paramref name="output"/> (left open).</summary>
    public async Task<BundleExportResult> ExportAsync(DateOnly from, DateOnly to, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (to < from)
        {
            throw new ArgumentException("the last day is before the first", nameof(to));
        }

        var zone = _ledger.Zone;
        var rangeStart = DayBounds.Of(from, zone).StartMs;
        var rangeEnd = DayBounds.Of(to, zone).EndMs;
        var records = _ledger.GetRecords(from, to);
        var effective = records.GroupBy(r => r.Day, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Seq)!).OrderBy(r => r.Day, StringComparer.Ordinal).ToList();
        var head = _ledger.LatestTreeHead();
        var days = effective.Select(r => r.Day).ToList();
        var missing = new List<string>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (!days.Contains(DayBounds.Format(d)))
            {
                missing.Add(DayBounds.Format(d));
            }
        }

        var files = new SortedDictionary<string, (string Sha256, long Bytes)>(StringComparer.Ordinal);
        var kids = new SortedSet<string>(StringComparer.Ordinal);
        using var key = _ledger.Keys.LoadCurrent();
        kids.Add(key.KeyId);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, byte[] bytes) => files[path] = WriteEntry(zip, path, s => s.Write(bytes), CompressionLevel.Optimal);

            void AddJws(string path, string jws)
            {
                Add(path, Encoding.ASCII.GetBytes(jws));
                if (JwsHeader.KeyId(jws) is { } kid)
                {
                    kids.Add(kid);
                }
            }

            // Records: the one in force per day under its day's name, replaced ones under their seq.
            foreach (var record in records)
            {
                var current = effective.Contains(record);
                Add(current ? BundlePaths.Record(record.Day) : BundlePaths.Superseded(record.Seq), record.RecordJson);
                AddJws(current ? BundlePaths.RecordJws(record.Day) : BundlePaths.SupersededJws(record.Seq), record.Jws);
            }

            var proofs = new JsonObject { ["treeSize"] = head?.Size ?? 0, ["root"] = head?.Root };
            var proofRecords = new JsonArray();
            var proofHeads = new JsonArray();
            if (head is not null)
            {
                AddJws(BundlePaths.TreeHead, head.Jws);
                foreach (var record in records.Where(r => r.Seq <= head.Size))
                {
                    var proof = _ledger.GetInclusionProof(record, head.Size);
                    proofRecords.Add(new JsonObject
                    {
                        ["seq"] = record.Seq,
                        ["day"] = record.Day,
                        ["file"] = effective.Contains(record) ? BundlePaths.Record(record.Day) : BundlePaths.Superseded(record.Seq),
                        ["leafIndex"] = proof.LeafIndex,
                        ["inclusion"] = new JsonArray(proof.Path.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
                    });
                }

                // Heads signed since the range's first record, each with a consistency proof to the newest: the ledger only grew.
                var firstSeq = records.Count == 0 ? head.Size : records.Min(r => r.Seq);
                foreach (var earlier in _ledger.TreeHeads(firstSeq, head.Size - 1))
                {
                    var consistency = _ledger.GetConsistencyProof(earlier.Size, head.Size);
                    AddJws(BundlePaths.EarlierTreeHead(earlier.Size), earlier.Jws);
                    proofHeads.Add(new JsonObject
                    {
                        ["size"] = earlier.Size,
                        ["file"] = BundlePaths.EarlierTreeHead(earlier.Size),
                        ["consistency"] = new JsonArray(consistency.Path.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
                    });
                }
            }

            proofs["records"] = proofRecords;
            proofs["treeHeads"] = proofHeads;
            Add(BundlePaths.Proofs, Utf8.GetBytes(proofs.ToJsonString(Indented)));

            WriteRaw(zip, files, rangeStart, rangeEnd, cancellationToken);
            files[BundlePaths.Slice] = WriteSlice(zip, rangeStart, rangeEnd, from, to);

            // Every configuration a record names, under its fingerprint, plus the one in force now.
            foreach (var fingerprint in records.Select(r => JsonNode.Parse(r.RecordJson)?["configFingerprint"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (_ledger.GetConfig(fingerprint) is { } configBytes)
                {
                    Add(BundlePaths.ConfigByFingerprint(fingerprint), configBytes);
                }
            }

            Add(BundlePaths.Config, Utf8.GetBytes(EffectiveConfig.ToJson(_config).ToJsonString(Indented)));

            var missingKeys = new List<string>();
            foreach (var kid in kids)
            {
                var pem = Path.Combine(_ledger.Keys.PublicFolder, kid + ".pem");
                if (File.Exists(pem))
                {
                    Add(BundlePaths.Key(kid), await File.ReadAllBytesAsync(pem, cancellationToken).ConfigureAwait(false));
                }
                else if (string.Equals(kid, key.KeyId, StringComparison.Ordinal))
                {
                    Add(BundlePaths.Key(kid), Encoding.ASCII.GetBytes(key.ExportPublicPem()));
                }
                else
                {
                    missingKeys.Add(kid);
                }
            }

            Add(BundlePaths.Readme, Utf8.GetBytes(BundleReadme.Text(_config, from, to, days.Count, missing, kids)));
            Add(BundlePaths.Script, BundleReadme.Script());

            var now = _time.GetUtcNow();
            var manifest = new JsonObject
            {
                ["schema"] = BundlePaths.Schema,
                ["site"] = _config.Site.Id,
                ["agentId"] = _config.Site.AgentId,
                ["timeZone"] = _config.Site.TimeZone,
                ["from"] = DayBounds.Format(from),
                ["to"] = DayBounds.Format(to),
                ["rangeStart"] = rangeStart,
                ["rangeEnd"] = rangeEnd,
                ["createdAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["versions"] = new JsonObject
                {
                    ["agent"] = _ledger.Builder.AgentVersion,
                    ["bundle"] = BundlePaths.Schema,
                    ["record"] = DailyRecordBuilder.Schema,
                },
                ["treeSize"] = head?.Size ?? 0,
                ["treeRoot"] = head?.Root,
                ["days"] = new JsonArray(days.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["missingDays"] = new JsonArray(missing.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["keys"] = new JsonArray(kids.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                ["files"] = new JsonArray(files.Select(f => (JsonNode?)new JsonObject { ["path"] = f.Key, ["sha256"] = f.Value.Sha256, ["bytes"] = f.Value.Bytes }).ToArray()),
            };
            var manifestBytes = CanonicalJson.Serialize(manifest);
            WriteEntry(zip, BundlePaths.Manifest, s => s.Write(manifestBytes), CompressionLevel.Optimal);
            WriteEntry(zip, BundlePaths.ManifestJws, s => s.Write(Encoding.ASCII.GetBytes(JwsSigner.Sign(manifestBytes, key, "edgeagent-manifest+jws"))), CompressionLevel.Optimal);
            return new BundleExportResult(from, to, days, missing, head?.Size ?? 0, files.Count + 2, missingKeys);
        }
    }

    private void WriteRaw(ZipArchive zip, SortedDictionary<string, (string Sha256, long Bytes)> files, long rangeStart, long rangeEnd, CancellationToken cancellationToken)
    {
        using var connection = _ledger.OpenConnection();
        files[BundlePaths.Samples] = WriteEntry(zip, BundlePaths.Samples, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine(BundlePaths.SamplesHeader);
            // Carry-in first (per tag the last and last good sample before the range): a verifier rebuilds the first day's rollups from it.
            foreach (var s in RawDataReader.CarryInSamples(connection, rangeStart).Concat(RawDataReader.ReadSamples(connection, rangeStart, rangeEnd)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.WriteLine(Csv.Line(s.Equipment, s.Tag, Number(s.TimestampMs), DayBounds.Iso(s.TimestampMs), FormatValue(s.Value), s.Text,
                    Number(s.Quality), s.Status));
            }
        }, CompressionLevel.Fastest);

        // The last event of each source before the range comes first: it fixes every source's state when the range begins.
        var events = RawDataReader.StateBefore(connection, rangeStart).Concat(RawDataReader.ReadStatusEvents(connection, rangeStart, rangeEnd));
        files[BundlePaths.StatusEvents] = WriteEntry(zip, BundlePaths.StatusEvents, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 12, leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine(BundlePaths.StatusEventsHeader);
            foreach (var e in events)
            {
                writer.WriteLine(Csv.Line(e.Source, Number(e.TimestampMs), DayBounds.Iso(e.TimestampMs), e.Online ? "1" : "0", e.Reason));
            }
        }, CompressionLevel.Optimal);

        files[BundlePaths.Cycles] = WriteEntry(zip, BundlePaths.Cycles, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine(BundlePaths.CyclesHeader);
            foreach (var c in RawDataReader.ReadCycles(connection, rangeStart, rangeEnd))
            {
                writer.WriteLine(Csv.Line(c.Source, Number(c.MinuteMs), DayBounds.Iso(c.MinuteMs), Number(c.Attempts), Number(c.Good)));
            }
        }, CompressionLevel.Fastest);
    }

    private (string Sha256, long Bytes) WriteSlice(ZipArchive zip, long rangeStart, long rangeEnd, DateOnly from, DateOnly to)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"edgeagent-slice-{Guid.NewGuid():N}.db");
        try
        {
            // The slice is its own file: open it (created, not pooled so the file is released) and pull the rows from the agent's database.
            var builder = new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using (var connection = new SqliteConnection(builder.ToString()))
            {
                connection.Open();
                Execute(connection, "ATTACH DATABASE $path AS agent", ("$path", _storage.DatabasePath));
                Execute(connection, """
                    PRAGMA agent.busy_timeout = 30000;
                    CREATE TABLE tags AS SELECT * FROM agent.tags WHERE id IN (SELECT DISTINCT tag_id FROM agent.samples WHERE ts_ms >= $from AND ts_ms < $to);
                    CREATE TABLE samples AS SELECT * FROM agent.samples WHERE ts_ms >= $from AND ts_ms < $to ORDER BY ts_ms, rowid;
                    CREATE TABLE status_events AS SELECT * FROM agent.status_events WHERE ts_ms >= $from AND ts_ms < $to ORDER BY ts_ms, id;
                    CREATE TABLE collection_cycles AS SELECT * FROM agent.collection_cycles WHERE minute_ms >= $from AND minute_ms < $to ORDER BY minute_ms, source_id;
                    CREATE TABLE ledger_records AS SELECT * FROM agent.ledger_records WHERE day >= $fromDay AND day <= $toDay ORDER BY seq;
                    """,
                    ("$from", rangeStart), ("$to", rangeEnd), ("$fromDay", DayBounds.Format(from)), ("$toDay", DayBounds.Format(to)));
                Execute(connection, "DETACH DATABASE agent");
            }

            using var file = File.OpenRead(temp);
            return WriteEntry(zip, BundlePaths.Slice, s => file.CopyTo(s), CompressionLevel.Optimal);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static (string Sha256, long Bytes) WriteEntry(ZipArchive zip, string path, Action<Stream> write, CompressionLevel level)
    {
        var entry = zip.CreateEntry(path, level);
        using var stream = entry.Open();
        using var hashing = new HashingStream(stream);
        write(hashing);
        hashing.Flush();
        return (hashing.Sha256Hex(), hashing.BytesWritten);
    }

    /// <summary>A value as the CSV carries it: the same ECMAScript number text as the canonical line, so it reads back exactly.</summary>
    internal static string? FormatValue(double? value) => value switch
    {
        null => null,
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        double v => EcmaScriptNumber.Format(v),
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
