using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Thresholds;
using EdgeAgent.Evidence.Ledger;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>Recomputation from the raw CSV: day digests, collection figures, indicators.</summary>
/// <remarks>
/// raw/samples.csv is read once, streamed: inflated, hashed for the manifest and parsed in one pass on the calling
/// thread, which cuts it into days (with each day's carry-in); the days are checked on worker threads (digest,
/// collection figures, rollups and indicators) while the next days are read. Findings are kept per day and reported
/// in day order, so the output does not depend on scheduling.
/// </remarks>
public sealed partial class BundleVerifier
{
    private sealed partial class Run
    {
        /// <summary>Days read ahead of the workers: bounds memory to a few days of samples.</summary>
        private const int DaysInFlight = 4;

        private readonly Dictionary<string, AgentConfig?> _configs = new(StringComparer.Ordinal);
        private List<BundleProblem>? _sink;
        private long _digestTicks;
        private long _collectionTicks;
        private long _indicatorTicks;

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
            Phase("raw/status_events.csv and raw/collection_cycles.csv read, hashed, parsed");
            if (events is null || cycles is null || !_entries.TryGetValue(BundlePaths.Samples, out var samplesEntry))
            {
                Problem(BundleProblemKind.Malformed, null, "raw data missing: the bundle needs raw/samples.csv, raw/status_events.csv and raw/collection_cycles.csv");
                return;
            }

            var eventsByTime = new TimeOrder<RawStatusEvent>(events, static e => e.TimestampMs);
            var cyclesByTime = new TimeOrder<RawCycle>(cycles, static c => c.MinuteMs);
            var outcomes = new DayOutcome?[days.Count];
            var workerTime = new long[Math.Max(1, Environment.ProcessorCount)];
            var producerWait = new Stopwatch();
            var readDone = TimeSpan.Zero;
            using var failed = new CancellationTokenSource();
            ExceptionDispatchInfo? failure = null;
            using var queue = new BlockingCollection<DayWork>(DaysInFlight);

            // A day's sample list is megabytes: lists go back to the reader once checked, so they are not reallocated
            // (on the large object heap, which only full collections reclaim) for every day.
            var spareLists = new ConcurrentBag<List<RawSample>>();
            var workers = Enumerable.Range(0, workerTime.Length).Select(w => Task.Factory.StartNew(() =>
            {
                var busy = new Stopwatch();
                try
                {
                    foreach (var work in queue.GetConsumingEnumerable(failed.Token))
                    {
                        busy.Start();
                        outcomes[work.Index] = CheckDay(work);
                        busy.Stop();
                        if (work.Data.Samples is List<RawSample> used)
                        {
                            used.Clear();
                            spareLists.Add(used);
                        }
                    }
                }
                catch (OperationCanceledException) when (failed.IsCancellationRequested)
                {
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
                    failed.Cancel();
                }

                workerTime[w] = busy.ElapsedTicks;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

            string samplesHash;
            try
            {
                using var hashing = new HashingReadStream(samplesEntry.Open());
                using var csv = new CsvRowReader(hashing);
                var cursor = new SampleCursor(csv, this);
                long previousEnd = long.MinValue;
                for (var i = 0; i < days.Count && !failed.IsCancellationRequested; i++)
                {
                    var record = days[i];
                    var before = new List<BundleProblem>();
                    _sink = before;
                    var start = record.Json["dayStart"]!.GetValue<long>();
                    var end = record.Json["dayEnd"]!.GetValue<long>();
                    if (start < previousEnd)
                    {
                        Problem(BundleProblemKind.WrongDay, record.FileDay, $"wrong day: {record.File} covers time already covered by another record (day {record.Day} twice)");
                        outcomes[i] = new DayOutcome(before, [], false);
                        continue;
                    }

                    previousEnd = end;
                    DateOnly.TryParseExact(record.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
                    var bounds = new DayBounds(day, start, end);
                    cursor.SkipBefore(start);
                    var carryIn = cursor.CarryIn();
                    var daySamples = cursor.TakeBefore(end, spareLists.TryTake(out var spare) ? spare : []);
                    var data = new DayRawData(bounds, daySamples, eventsByTime.Within(start, end), cyclesByTime.Within(start, end),
                        CarryInEvents(eventsByTime, start), carryIn);
                    var config = ConfigOf(record);
                    producerWait.Start();
                    queue.Add(new DayWork(i, record, data, config, before), failed.Token);
                    producerWait.Stop();
                }

                _sink = null;
                samplesHash = hashing.DrainAndHash();
                readDone = _clock.Elapsed;
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested)
            {
                samplesHash = "";
            }
            finally
            {
                _sink = null;
                queue.CompleteAdding();
                Task.WaitAll(workers);
            }

            failure?.Throw();
            var read = readDone - producerWait.Elapsed;
            Phase("raw/samples.csv read, hashed, parsed, cut into days, per-day checks (overlapping)");
            _timings.Add(new("  of which reading raw/samples.csv (calling thread, excluding waits for workers)", read));
            _timings.Add(new(Invariant($"  of which per-day checks: digest, collection, rollups, indicators (CPU of {workerTime.Length} worker(s), summed)"),
                TimeSpan.FromSeconds(workerTime.Sum() / (double)Stopwatch.Frequency)));
            _timings.Add(new("    day digests from canonical lines", TimeSpan.FromSeconds(_digestTicks / (double)Stopwatch.Frequency)));
            _timings.Add(new("    collection figures", TimeSpan.FromSeconds(_collectionTicks / (double)Stopwatch.Frequency)));
            _timings.Add(new("    rollups and indicators", TimeSpan.FromSeconds(_indicatorTicks / (double)Stopwatch.Frequency)));
            _timings.Add(new(Invariant($"garbage collection pauses so far ({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections)"),
                GC.GetTotalPauseDuration()));
            CheckDeferredHash(BundlePaths.Samples, samplesHash);

            var recomputed = 0;
            foreach (var outcome in outcomes)
            {
                _problems.AddRange(outcome!.Problems);
                _notes.AddRange(outcome.Notes);
                recomputed += outcome.IndicatorsRecomputed ? 1 : 0;
            }

            _notes.Add(Invariant($"digests and collection figures recomputed from the raw CSV for {days.Count} day(s); indicators recomputed for {recomputed}"));
        }

        /// <summary>The checks of one day; runs on a worker thread and touches nothing shared (its record and rows are its own).</summary>
        private DayOutcome CheckDay(DayWork work)
        {
            var problems = work.Before;
            var notes = new List<string>();
            var recomputed = false;
            var t0 = Stopwatch.GetTimestamp();
            CheckDigest(work.Record, work.Data, problems);
            var t1 = Stopwatch.GetTimestamp();
            Interlocked.Add(ref _digestTicks, t1 - t0);
            if (work.Config is { } config)
            {
                CheckCollection(work.Record, work.Data, config, problems);
                var t2 = Stopwatch.GetTimestamp();
                Interlocked.Add(ref _collectionTicks, t2 - t1);
                recomputed = CheckIndicators(work.Record, work.Data, config, problems);
                Interlocked.Add(ref _indicatorTicks, Stopwatch.GetTimestamp() - t2);
            }

            NoteGaps(work.Record, notes);
            return new DayOutcome(problems, notes, recomputed);
        }

        /// <summary>
        /// The last status event of each source before <paramref name="start"/> (the last in file order, as the
        /// export writes them by time), sources in the order they first appear.
        /// </summary>
        private static List<RawStatusEvent> CarryInEvents(TimeOrder<RawStatusEvent> events, long start)
        {
            var bySource = new Dictionary<string, (int First, int Last)>(StringComparer.Ordinal);
            foreach (var index in events.Before(start))
            {
                var source = events.Items[index].Source;
                bySource[source] = bySource.TryGetValue(source, out var seen) ? (Math.Min(seen.First, index), Math.Max(seen.Last, index)) : (index, index);
            }

            return bySource.Values.OrderBy(v => v.First).Select(v => events.Items[v.Last]).ToList();
        }

        private static void CheckDigest(RecordInfo record, DayRawData data, List<BundleProblem> problems)
        {
            var signed = DayDigest.FromJson(record.Json["digest"]);
            if (signed is null)
            {
                problems.Add(new BundleProblem(BundleProblemKind.Malformed, record.FileDay, $"{record.File} has no digest"));
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
                problems.Add(new BundleProblem(BundleProblemKind.DigestMismatch, record.Day,
                    $"digest mismatch on day {record.Day}: the raw data differs from what was signed: " + (parts.Count > 0 ? string.Join("; ", parts) : "combined digest")));
            }
        }

        private static void CheckCollection(RecordInfo record, DayRawData data, AgentConfig config, List<BundleProblem> problems)
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
            problems.Add(new BundleProblem(BundleProblemKind.RecomputationMismatch, record.Day,
                $"recomputation mismatch on day {record.Day}: collection figures recomputed from the raw data differ from the signed ones" +
                (which is null ? "" : $" (first for equipment {which})")));
        }

        private bool CheckIndicators(RecordInfo record, DayRawData data, AgentConfig config, List<BundleProblem> problems)
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

            problems.Add(new BundleProblem(BundleProblemKind.RecomputationMismatch, record.Day,
                $"recomputation mismatch on day {record.Day}: indicators recomputed from the raw data differ from the signed ones" + Describe(report, signed, status)));
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

        private static void NoteGaps(RecordInfo record, List<string> notes)
        {
            foreach (var item in record.Json["collection"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var offline = item["offlineSeconds"]?.GetValue<double>() ?? 0;
                var idle = item["minutesWithoutCycles"]?.GetValue<long>() ?? 0;
                if (item["source"] is not null && (offline > 0 || idle > 0))
                {
                    notes.Add(Invariant($"day {record.Day}: {item["equipment"]} offline {offline:0} s, {idle} minute(s) without collection"));
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

        private List<RawStatusEvent>? ParseEvents() => ParseRows(BundlePaths.StatusEvents, BundlePaths.StatusEventsHeader, 5, (csv, strings) =>
            new RawStatusEvent(strings.Get(csv.Field(0)), Long(csv, 1, BundlePaths.StatusEvents), csv.Field(3).SequenceEqual("1"u8), strings.Get(csv.Field(4))));

        private List<RawCycle>? ParseCycles() => ParseRows(BundlePaths.Cycles, BundlePaths.CyclesHeader, 5, (csv, strings) =>
            new RawCycle(strings.Get(csv.Field(0)), Long(csv, 1, BundlePaths.Cycles), Long(csv, 3, BundlePaths.Cycles), Long(csv, 4, BundlePaths.Cycles)));

        /// <summary>Reads, hashes (for the manifest) and parses a small raw CSV; null when the bundle lacks it.</summary>
        private List<T>? ParseRows<T>(string path, string header, int columns, Func<CsvRowReader, StringPool, T> row)
        {
            if (!_entries.TryGetValue(path, out var entry))
            {
                return null;
            }

            var rows = new List<T>();
            using var hashing = new HashingReadStream(entry.Open());
            using (var csv = new CsvRowReader(hashing))
            {
                var strings = new StringPool();
                if (!csv.Read() || !string.Equals(string.Join(',', csv.ToFields().Select(f => f.Text)), header, StringComparison.Ordinal))
                {
                    Problem(BundleProblemKind.Malformed, null, $"{path} does not start with the header {header}");
                }
                else
                {
                    while (csv.Read())
                    {
                        if (csv.FieldCount != columns)
                        {
                            Problem(BundleProblemKind.Malformed, null, Invariant($"{path} line {csv.Line} has {csv.FieldCount} fields, not {columns}"));
                            continue;
                        }

                        rows.Add(row(csv, strings));
                    }
                }
            }

            CheckDeferredHash(path, hashing.DrainAndHash());
            return rows;
        }

        private long Long(CsvRowReader csv, int field, string path)
        {
            if (long.TryParse(csv.Field(field), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Problem(BundleProblemKind.Malformed, null, Invariant($"{path} line {csv.Line}: '{csv.String(field)}' is not an integer"));
            return 0;
        }

        /// <summary>A day handed to a worker: its record, its rows, the configuration it names, and what reading it found.</summary>
        private sealed record DayWork(int Index, RecordInfo Record, DayRawData Data, AgentConfig? Config, List<BundleProblem> Before);

        /// <summary>What a day's checks found.</summary>
        private sealed record DayOutcome(List<BundleProblem> Problems, List<string> Notes, bool IndicatorsRecomputed);

        /// <summary>Rows of a small raw CSV ordered by time (ties in file order), to take a day's rows in file order without scanning all.</summary>
        private sealed class TimeOrder<T>
        {
            private readonly int[] _order;
            private readonly long[] _times;

            public TimeOrder(List<T> items, Func<T, long> time)
            {
                Items = items;
                _times = items.Select(time).ToArray();
                _order = Enumerable.Range(0, items.Count).ToArray();
                if (!IsSorted(_times))
                {
                    // Stable: rows of the same time keep their file order.
                    _order = _order.OrderBy(i => _times[i]).ToArray();
                    _times = _order.Select(i => time(items[i])).ToArray();
                }
            }

            public List<T> Items { get; }

            /// <summary>Indexes (into <see cref="Items"/>) of the rows before <paramref name="end"/>.</summary>
            public IEnumerable<int> Before(long end) => _order.Take(LowerBound(end));

            /// <summary>The rows with <paramref name="start"/> ≤ time &lt; <paramref name="end"/>, in file order.</summary>
            public List<T> Within(long start, long end)
            {
                var from = LowerBound(start);
                var to = Math.Max(from, LowerBound(end));
                var indexes = _order.AsSpan(from, to - from).ToArray();
                Array.Sort(indexes);
                return indexes.Select(i => Items[i]).ToList();
            }

            private static bool IsSorted(long[] times)
            {
                for (var i = 1; i < times.Length; i++)
                {
                    if (times[i] < times[i - 1])
                    {
                        return false;
                    }
                }

                return true;
            }

            private int LowerBound(long time)
            {
                int lo = 0, hi = _times.Length;
                while (lo < hi)
                {
                    var mid = (lo + hi) >>> 1;
                    if (_times[mid] < time)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                return lo;
            }
        }

        /// <summary>Interns short strings read as UTF-8 (equipment, tag, status texts repeat on every row).</summary>
        private sealed class StringPool
        {
            private const int MaxChars = 256;
            private const int MaxEntries = 1 << 16;
            private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
            private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

            public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public string Get(ReadOnlySpan<byte> utf8)
            {
                if (utf8.IsEmpty)
                {
                    return "";
                }

                if (utf8.Length > MaxChars)
                {
                    return Encoding.UTF8.GetString(utf8);
                }

                Span<char> chars = stackalloc char[MaxChars];
                var n = Encoding.UTF8.GetChars(utf8, chars);
                if (_lookup.TryGetValue(chars[..n], out var known))
                {
                    return known;
                }

                var text = new string(chars[..n]);
                if (_strings.Count < MaxEntries)
                {
                    _strings.Add(text, text);
                }

                return text;
            }
        }

        /// <summary>Reads raw/samples.csv once, in file order, a day at a time, tracking the carry-in per tag.</summary>
        private sealed class SampleCursor
        {
            private readonly CsvRowReader _csv;
            private readonly Run _run;
            private readonly StringPool _strings = new();
            private readonly Dictionary<(string Equipment, string Tag), TagState> _tags = [];
            private readonly List<TagState> _tagOrder = [];
            private RawSample? _pending;
            private long _previousTime = long.MinValue;
            private bool _done;
            private bool _orderReported;
            private int _lastDayCount;

            public SampleCursor(CsvRowReader csv, Run run)
            {
                _csv = csv;
                _run = run;
                if (!_csv.Read() || !string.Equals(string.Join(',', _csv.ToFields().Select(f => f.Text)), BundlePaths.SamplesHeader, StringComparison.Ordinal))
                {
                    _run.Problem(BundleProblemKind.Malformed, null, $"{BundlePaths.Samples} does not start with the header {BundlePaths.SamplesHeader}");
                    _done = true;
                }
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void SkipBefore(long start)
            {
                while (Peek() is { } s && s.TimestampMs < start)
                {
                    Consume(s);
                }
            }

            /// <summary>Per tag (in the order tags first appeared) the last good sample, when it is not the last one, and the last; by time.</summary>
            public List<RawSample> CarryIn()
            {
                var list = new List<RawSample>();
                foreach (var tag in _tagOrder)
                {
                    if (tag.LastGood is { } good && good != tag.Last)
                    {
                        list.Add(good);
                    }

                    list.Add(tag.Last);
                }

                return list.OrderBy(s => s.TimestampMs).ToList();
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public List<RawSample> TakeBefore(long end, List<RawSample> list)
            {
                // Sized like the previous day, so a day's list is not grown (and copied) in steps.
                list.EnsureCapacity(_lastDayCount + 1024);
                while (Peek() is { } s && s.TimestampMs < end)
                {
                    Consume(s);
                    list.Add(s);
                }

                _lastDayCount = list.Count;
                return list;
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            private void Consume(RawSample s)
            {
                _pending = null;
                if (!_tags.TryGetValue((s.Equipment, s.Tag), out var tag))
                {
                    tag = new TagState();
                    _tags.Add((s.Equipment, s.Tag), tag);
                    _tagOrder.Add(tag);
                }

                tag.Last = s;
                if (s.Quality == 0 && s.Value is not null)
                {
                    tag.LastGood = s;
                }
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            private RawSample? Peek()
            {
                while (_pending is null && !_done)
                {
                    if (!_csv.Read())
                    {
                        _done = true;
                        break;
                    }

                    if (_csv.FieldCount != 8 || !long.TryParse(_csv.Field(2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ts)
                        || !int.TryParse(_csv.Field(6), NumberStyles.None, CultureInfo.InvariantCulture, out var quality)
                        || !TryValue(out var value))
                    {
                        _run.Problem(BundleProblemKind.Malformed, null, Invariant($"{BundlePaths.Samples} line {_csv.Line} is not a valid sample row"));
                        continue;
                    }

                    if (ts < _previousTime && !_orderReported)
                    {
                        _orderReported = true;
                        _run.Problem(BundleProblemKind.Malformed, null, Invariant($"{BundlePaths.Samples} line {_csv.Line} is out of time order (rows were moved)"));
                    }

                    _previousTime = Math.Max(_previousTime, ts);
                    _pending = new RawSample(_strings.Get(_csv.Field(0)), _strings.Get(_csv.Field(1)), ts, value, Nullable(5), quality, Nullable(7));
                }

                return _pending;
            }

            private string? Nullable(int field) => !_csv.Quoted(field) && _csv.Field(field).IsEmpty ? null : _strings.Get(_csv.Field(field));

            /// <summary>The value column: NULL (unquoted empty), Infinity, -Infinity or a finite number.</summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            private bool TryValue(out double? value)
            {
                value = null;
                var text = _csv.Field(4);
                if (!_csv.Quoted(4) && text.IsEmpty)
                {
                    return true;
                }

                if (text.SequenceEqual("Infinity"u8))
                {
                    value = double.PositiveInfinity;
                    return true;
                }

                if (text.SequenceEqual("-Infinity"u8))
                {
                    value = double.NegativeInfinity;
                    return true;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                {
                    value = v;
                    return true;
                }

                return false;
            }

            private sealed class TagState
            {
                public RawSample Last { get; set; }

                public RawSample? LastGood { get; set; }
            }
        }
    }
}
