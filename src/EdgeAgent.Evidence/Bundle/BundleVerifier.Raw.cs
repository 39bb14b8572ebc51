using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Thresholds;
using EdgeAgent.Evidence.Ledger;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>Recomputation from the raw CSV: day digests, collection figures, indicators.</summary>
public sealed partial class BundleVerifier
{
    private sealed partial class Run
    {
        private readonly Dictionary<string, AgentConfig?> _configs = new(StringComparer.Ordinal);

        private void CheckRaw(List<RecordInfo> records)
        {
            var days = records.Where(r => !r.Superseded && r.Json["dayStart"] is not null && r.Json["dayEnd"] is not null)
                .OrderBy(r => r.Json["dayStart"]!.GetValue<long>())
                .ToList();
            if (days.Count == 0)
            {
                return;
            }

            var events = ParseEvents();
            var cycles = ParseCycles();
            if (events is null || cycles is null || !_entries.TryGetValue(BundlePaths.Samples, out var samplesEntry))
            {
                Problem(BundleProblemKind.Malformed, null, "raw data missing: the bundle needs raw/samples.csv, raw/status_events.csv and raw/collection_cycles.csv");
                return;
            }

            using var stream = samplesEntry.Open();
            using var text = new StreamReader(stream, Encoding.UTF8);
            var cursor = new SampleCursor(Csv.Read(text).GetEnumerator(), this);
            long previousEnd = long.MinValue;
            int recomputed = 0;
            foreach (var record in days)
            {
                var start = record.Json["dayStart"]!.GetValue<long>();
                var end = record.Json["dayEnd"]!.GetValue<long>();
                if (start < previousEnd)
                {
                    Problem(BundleProblemKind.WrongDay, record.FileDay, $"wrong day: {record.File} covers time already covered by another record (day {record.Day} twice)");
                    continue;
                }

                previousEnd = end;
                DateOnly.TryParseExact(record.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
                var bounds = new DayBounds(day, start, end);
                cursor.SkipBefore(start);
                var carryIn = cursor.CarryIn();
                var daySamples = cursor.TakeBefore(end);
                var carryEvents = events.Where(e => e.TimestampMs < start).GroupBy(e => e.Source, StringComparer.Ordinal).Select(g => g.Last()).ToList();
                var data = new DayRawData(bounds, daySamples,
                    events.Where(e => e.TimestampMs >= start && e.TimestampMs < end).ToList(),
                    cycles.Where(c => c.MinuteMs >= start && c.MinuteMs < end).ToList(),
                    carryEvents, carryIn);
                CheckDigest(record, data);
                if (ConfigOf(record) is { } config)
                {
                    CheckCollection(record, data, config);
                    recomputed += CheckIndicators(record, data, config) ? 1 : 0;
                }

                NoteGaps(record);
            }

            _notes.Add(Invariant($"digests and collection figures recomputed from the raw CSV for {days.Count} day(s); indicators recomputed for {recomputed}"));
        }

        private void CheckDigest(RecordInfo record, DayRawData data)
        {
            var signed = DayDigest.FromJson(record.Json["digest"]);
            if (signed is null)
            {
                Problem(BundleProblemKind.Malformed, record.FileDay, $"{record.File} has no digest");
                return;
            }

            var actual = data.Digest();
            var parts = new List<string>();
            if (!string.Equals(actual.Samples, signed.Samples, StringComparison.Ordinal))
            {
                parts.Add(Invariant($"samples ({actual.SampleCount} rows in raw/samples.csv, {signed.SampleCount} signed)"));
            }

            if (!string.Equals(actual.StatusEvents, signed.StatusEvents, StringComparison.Ordinal))
            {
                parts.Add(Invariant($"status events ({actual.StatusEventCount} rows in raw/status_events.csv, {signed.StatusEventCount} signed)"));
            }

            if (!string.Equals(actual.Cycles, signed.Cycles, StringComparison.Ordinal))
            {
                parts.Add(Invariant($"collection cycles ({actual.CycleCount} rows in raw/collection_cycles.csv, {signed.CycleCount} signed)"));
            }

            if (parts.Count > 0 || !string.Equals(actual.Sha256, record.Json["digest"]?["sha256"]?.GetValue<string>(), StringComparison.Ordinal))
            {
                Problem(BundleProblemKind.DigestMismatch, record.Day,
                    $"digest mismatch on day {record.Day}: the raw data differs from what was signed: " + (parts.Count > 0 ? string.Join("; ", parts) : "combined digest"));
            }
        }

        private void CheckCollection(RecordInfo record, DayRawData data, AgentConfig config)
        {
            var recomputed = CollectionFigures.Compute(config, data.Bounds, data.Samples, data.StatusEvents, data.Cycles, data.OnlineAtStart);
            var signed = record.Json["collection"] as JsonArray;
            if (signed is not null && CanonicalJson.Serialize(recomputed).AsSpan().SequenceEqual(CanonicalJson.Serialize(signed)))
            {
                return;
            }

            var which = recomputed.OfType<JsonObject>()
                .FirstOrDefault(r => signed?.OfType<JsonObject>().FirstOrDefault(s => Equals(s["equipment"]?.GetValue<string>(), r["equipment"]?.GetValue<string>())) is not { } s
                    || !CanonicalJson.Serialize(s).AsSpan().SequenceEqual(CanonicalJson.Serialize(r)))?["equipment"]?.GetValue<string>();
            Problem(BundleProblemKind.RecomputationMismatch, record.Day,
                $"recomputation mismatch on day {record.Day}: collection figures recomputed from the raw data differ from the signed ones" +
                (which is null ? "" : $" (first for equipment {which})"));
        }

        private bool CheckIndicators(RecordInfo record, DayRawData data, AgentConfig config)
        {
            if (!string.Equals(record.Json["indicatorsStatus"]?.GetValue<string>(), DayIndicators.Computed, StringComparison.Ordinal))
            {
                return false;
            }

            if (_owner._rollups is null)
            {
                return false;
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone);
            var (report, status) = DayIndicators.Compute(config, data, zone, _owner._rollups, DayIndicators.FactsFromJson(record.Json["outputFacts"]), ThresholdCatalogue.Default);
            var signed = record.Json["indicators"];
            if (report is not null && CanonicalJson.Serialize(report).AsSpan().SequenceEqual(CanonicalJson.Serialize(signed)))
            {
                return true;
            }

            Problem(BundleProblemKind.RecomputationMismatch, record.Day,
                $"recomputation mismatch on day {record.Day}: indicators recomputed from the raw data differ from the signed ones" + Describe(report, signed, status));
            return true;
        }

        private static string Describe(JsonNode? recomputed, JsonNode? signed, string status)
        {
            if (recomputed is null)
            {
                return " (" + status + ")";
            }

            var mine = recomputed["results"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
            var theirs = signed?["results"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
            for (var i = 0; i < Math.Max(mine.Count, theirs.Count); i++)
            {
                var a = i < mine.Count ? mine[i] : null;
                var b = i < theirs.Count ? theirs[i] : null;
                if (a is null || b is null || !CanonicalJson.Serialize(a).AsSpan().SequenceEqual(CanonicalJson.Serialize(b)))
                {
                    var id = (a ?? b)!["id"]?.ToString();
                    var subject = (a ?? b)!["subject"]?.ToString();
                    return $" (first {id}{(string.IsNullOrEmpty(subject) ? "" : "[" + subject + "]")}: signed {b?["numerator"]}/{b?["denominator"]}, recomputed {a?["numerator"]}/{a?["denominator"]})";
                }
            }

            return "";
        }

        private void NoteGaps(RecordInfo record)
        {
            foreach (var item in record.Json["collection"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var offline = item["offlineSeconds"]?.GetValue<double>() ?? 0;
                var idle = item["minutesWithoutCycles"]?.GetValue<long>() ?? 0;
                if (item["source"] is not null && (offline > 0 || idle > 0))
                {
                    _notes.Add(Invariant($"day {record.Day}: {item["equipment"]} offline {offline:0} s, {idle} minute(s) without collection"));
                }
            }
        }

        private AgentConfig? ConfigOf(RecordInfo record)
        {
            var fingerprint = record.Json["configFingerprint"]?.GetValue<string>() ?? "";
            if (_configs.TryGetValue(fingerprint, out var cached))
            {
                return cached;
            }

            AgentConfig? config = null;
            var path = BundlePaths.ConfigByFingerprint(fingerprint);
            var bytes = Read(path);
            if (bytes is null)
            {
                Problem(BundleProblemKind.Malformed, record.Day, $"{path}, the configuration day {record.Day} was computed with, is missing: nothing recomputed");
            }
            else if (!string.Equals(EvidenceHash.Sha256Hex(bytes), fingerprint, StringComparison.Ordinal))
            {
                Problem(BundleProblemKind.FileChanged, null, $"{path} changed: its SHA-256 is not its fingerprint");
            }
            else
            {
                var parsed = ConfigReader.Parse(Encoding.UTF8.GetString(bytes), id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));
                config = parsed.Config;
                if (config is null)
                {
                    Problem(BundleProblemKind.Malformed, null, $"{path} is not a valid configuration: {string.Join("; ", parsed.Errors.Select(e => e.Path + ": " + e.Message))}");
                }
            }

            _configs[fingerprint] = config;
            return config;
        }

        private List<RawStatusEvent>? ParseEvents()
        {
            var rows = Rows(BundlePaths.StatusEvents, BundlePaths.StatusEventsHeader, 5);
            return rows?.Select(r => new RawStatusEvent(r.Fields[0].Text, Long(r.Fields[1], r.Line, BundlePaths.StatusEvents), r.Fields[3].Text == "1", r.Fields[4].Text)).ToList();
        }

        private List<RawCycle>? ParseCycles()
        {
            var rows = Rows(BundlePaths.Cycles, BundlePaths.CyclesHeader, 5);
            return rows?.Select(r => new RawCycle(r.Fields[0].Text, Long(r.Fields[1], r.Line, BundlePaths.Cycles),
                Long(r.Fields[3], r.Line, BundlePaths.Cycles), Long(r.Fields[4], r.Line, BundlePaths.Cycles))).ToList();
        }

        private List<(long Line, List<CsvField> Fields)>? Rows(string path, string header, int columns)
        {
            var bytes = Read(path);
            if (bytes is null)
            {
                return null;
            }

            using var reader = new StringReader(Encoding.UTF8.GetString(bytes));
            var rows = Csv.Read(reader).ToList();
            if (rows.Count == 0 || !string.Equals(string.Join(',', rows[0].Fields.Select(f => f.Text)), header, StringComparison.Ordinal))
            {
                Problem(BundleProblemKind.Malformed, null, $"{path} does not start with the header {header}");
                return [];
            }

            var good = new List<(long, List<CsvField>)>();
            foreach (var row in rows.Skip(1))
            {
                if (row.Fields.Count != columns)
                {
                    Problem(BundleProblemKind.Malformed, null, Invariant($"{path} line {row.Line} has {row.Fields.Count} fields, not {columns}"));
                    continue;
                }

                good.Add(row);
            }

            return good;
        }

        private long Long(CsvField field, long line, string path)
        {
            if (long.TryParse(field.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Problem(BundleProblemKind.Malformed, null, Invariant($"{path} line {line}: '{field.Text}' is not an integer"));
            return 0;
        }

        /// <summary>Reads raw/samples.csv once, in time order, a day at a time, tracking the carry-in per tag.</summary>
        private sealed class SampleCursor
        {
            private readonly IEnumerator<(long Line, List<CsvField> Fields)> _rows;
            private readonly Run _run;
            private readonly Dictionary<(string, string), RawSample> _last = [];
            private readonly Dictionary<(string, string), RawSample> _lastGood = [];
            private RawSample? _pending;
            private long _previousTime = long.MinValue;
            private bool _done;
            private bool _orderReported;

            public SampleCursor(IEnumerator<(long Line, List<CsvField> Fields)> rows, Run run)
            {
                _rows = rows;
                _run = run;
                if (!_rows.MoveNext() || !string.Equals(string.Join(',', _rows.Current.Fields.Select(f => f.Text)), BundlePaths.SamplesHeader, StringComparison.Ordinal))
                {
                    _run.Problem(BundleProblemKind.Malformed, null, $"{BundlePaths.Samples} does not start with the header {BundlePaths.SamplesHeader}");
                    _done = true;
                }
            }

            public void SkipBefore(long start)
            {
                while (Peek() is { } s && s.TimestampMs < start)
                {
                    Consume(s);
                }
            }

            public List<RawSample> CarryIn()
            {
                var list = new List<RawSample>();
                foreach (var (key, last) in _last)
                {
                    if (_lastGood.TryGetValue(key, out var good) && good != last)
                    {
                        list.Add(good);
                    }

                    list.Add(last);
                }

                return list.OrderBy(s => s.TimestampMs).ToList();
            }

            public List<RawSample> TakeBefore(long end)
            {
                var list = new List<RawSample>();
                while (Peek() is { } s && s.TimestampMs < end)
                {
                    Consume(s);
                    list.Add(s);
                }

                return list;
            }

            private void Consume(RawSample s)
            {
                _pending = null;
                _last[(s.Equipment, s.Tag)] = s;
                if (s.Quality == 0 && s.Value is not null)
                {
                    _lastGood[(s.Equipment, s.Tag)] = s;
                }
            }

            private RawSample? Peek()
            {
                while (_pending is null && !_done)
                {
                    if (!_rows.MoveNext())
                    {
                        _done = true;
                        break;
                    }

                    var (line, f) = _rows.Current;
                    if (f.Count != 8 || !long.TryParse(f[2].Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ts)
                        || !int.TryParse(f[6].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var quality)
                        || !TryValue(f[4], out var value))
                    {
                        _run.Problem(BundleProblemKind.Malformed, null, Invariant($"{BundlePaths.Samples} line {line} is not a valid sample row"));
                        continue;
                    }

                    if (ts < _previousTime && !_orderReported)
                    {
                        _orderReported = true;
                        _run.Problem(BundleProblemKind.Malformed, null, Invariant($"{BundlePaths.Samples} line {line} is out of time order (rows were moved)"));
                    }

                    _previousTime = Math.Max(_previousTime, ts);
                    _pending = new RawSample(f[0].Text, f[1].Text, ts, value, f[5].Nullable, quality, f[7].Nullable);
                }

                return _pending;
            }

            private static bool TryValue(CsvField field, out double? value)
            {
                value = null;
                switch (field.Nullable)
                {
                    case null:
                        return true;
                    case "Infinity":
                        value = double.PositiveInfinity;
                        return true;
                    case "-Infinity":
                        value = double.NegativeInfinity;
                        return true;
                    case var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v):
                        value = v;
                        return true;
                    default:
                        return false;
                }
            }
        }
    }
}
