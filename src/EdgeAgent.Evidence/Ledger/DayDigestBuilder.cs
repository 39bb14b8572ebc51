using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Collects the raw rows of one day in any order and produces its <see cref="DayDigest"/>: each kind of row is
/// turned into its canonical line, the lines are sorted by time and then bytewise, and hashed with a newline after each.
/// </summary>
public sealed class DayDigestBuilder
{
    private readonly Lines _samples = new();
    private readonly Lines _events = new();
    private readonly Lines _cycles = new();

    /// <summary>Adds a sample.</summary>
    public void Add(in RawSample sample)
    {
        var at = _samples.Begin();
        CanonicalLines.WriteSample(_samples, sample);
        _samples.End(sample.TimestampMs, at);
    }

    /// <summary>Adds a status event.</summary>
    public void Add(in RawStatusEvent statusEvent)
    {
        var at = _events.Begin();
        CanonicalLines.WriteStatusEvent(_events, statusEvent);
        _events.End(statusEvent.TimestampMs, at);
    }

    /// <summary>Adds a collection cycle row.</summary>
    public void Add(in RawCycle cycle)
    {
        var at = _cycles.Begin();
        CanonicalLines.WriteCycle(_cycles, cycle);
        _cycles.End(cycle.MinuteMs, at);
    }

    /// <summary>The digest of everything added so far.</summary>
    public DayDigest Build() => new(
        _samples.Count, _samples.Hash(),
        _events.Count, _events.Hash(),
        _cycles.Count, _cycles.Hash());

    /// <summary>A digest over the given rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DayDigest Compute(IEnumerable<RawSample> samples, IEnumerable<RawStatusEvent> statusEvents, IEnumerable<RawCycle> cycles)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(statusEvents);
        ArgumentNullException.ThrowIfNull(cycles);
        var builder = new DayDigestBuilder();
        try
        {
            foreach (var s in samples)
            {
                builder.Add(s);
            }

            foreach (var e in statusEvents)
            {
                builder.Add(e);
            }

            foreach (var c in cycles)
            {
                builder.Add(c);
            }

            return builder.Build();
        }
        finally
        {
            builder._samples.Release();
            builder._events.Release();
            builder._cycles.Release();
        }
    }

    /// <summary>
    /// The lines of one kind, back to back in one buffer, each followed by LF, and where each starts. Buffers come from
    /// the shared array pool: a day's lines are megabytes, and growing fresh arrays would churn the large object heap.
    /// </summary>
    private sealed class Lines : IBufferWriter<byte>
    {
        private byte[] _bytes = [];
        private int _written;
        private (long Time, int Offset, int Length)[] _index = [];

        public int Count { get; private set; }

        public int Begin() => _written;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void End(long time, int offset)
        {
            if (Count == _index.Length)
            {
                _index = Grow(_index, Count + 1, Count);
            }

            _index[Count++] = (time, offset, _written - offset);
            GetSpan(1)[0] = (byte)'\n';
            _written++;
        }

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _bytes.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _bytes.AsSpan(_written);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string Hash()
        {
            var bytes = _bytes.AsSpan(0, _written);
            var index = _index.AsSpan(0, Count);
            if (!SortRuns(bytes, index))
            {
                // Not by time (rows in storage order): time first, then the line bytes, so the order is total.
                var copy = _bytes;
                index.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : Line(copy, a).SequenceCompareTo(Line(copy, b)));
            }

            if (InStoredOrder(index))
            {
                // The usual case: the buffer already is the hashed text.
                return EvidenceEncoding.ToHex(SHA256.HashData(bytes));
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (_, offset, length) in index)
            {
                hash.AppendData(bytes.Slice(offset, length + 1));
            }

            return EvidenceEncoding.ToHex(hash.GetHashAndReset());
        }

        public void Release()
        {
            if (_bytes.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
            }

            if (_index.Length > 0)
            {
                ArrayPool<(long, int, int)>.Shared.Return(_index);
            }

            _bytes = [];
            _index = [];
            _written = 0;
            Count = 0;
        }

        private static ReadOnlySpan<byte> Line(byte[] bytes, (long Time, int Offset, int Length) entry) => bytes.AsSpan(entry.Offset, entry.Length);

        /// <summary>When the lines are by time, sorts each run of equal times bytewise (rows of one poll share a time) and returns true.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool SortRuns(ReadOnlySpan<byte> bytes, Span<(long Time, int Offset, int Length)> index)
        {
            for (var i = 1; i < index.Length; i++)
            {
                if (index[i].Time < index[i - 1].Time)
                {
                    return false;
                }
            }

            for (var start = 0; start < index.Length;)
            {
                var end = start + 1;
                while (end < index.Length && index[end].Time == index[start].Time)
                {
                    end++;
                }

                // Insertion sort: runs are short and often already in order.
                for (var i = start + 1; i < end; i++)
                {
                    var item = index[i];
                    var line = bytes.Slice(item.Offset, item.Length);
                    var j = i - 1;
                    while (j >= start && bytes.Slice(index[j].Offset, index[j].Length).SequenceCompareTo(line) > 0)
                    {
                        index[j + 1] = index[j];
                        j--;
                    }

                    index[j + 1] = item;
                }

                start = end;
            }

            return true;
        }

        private static bool InStoredOrder(ReadOnlySpan<(long Time, int Offset, int Length)> index)
        {
            for (var i = 1; i < index.Length; i++)
            {
                if (index[i].Offset < index[i - 1].Offset)
                {
                    return false;
                }
            }

            return true;
        }

        private void Ensure(int sizeHint)
        {
            var needed = _written + Math.Max(sizeHint, 1);
            if (needed > _bytes.Length)
            {
                _bytes = Grow(_bytes, needed, _written);
            }
        }

        private static T[] Grow<T>(T[] array, int needed, int used)
        {
            var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Max(1024, array.Length * 2)));
            array.AsSpan(0, used).CopyTo(bigger);
            if (array.Length > 0)
            {
                ArrayPool<T>.Shared.Return(array);
            }

            return bigger;
        }
    }
}
