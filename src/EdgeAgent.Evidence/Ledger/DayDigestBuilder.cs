using System.Security.Cryptography;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Collects the raw rows of one day in any order and produces its <see cref="DayDigest"/>: each kind of row is
/// turned into its canonical line, the lines are sorted by time and then bytewise, and hashed with a newline after each.
/// </summary>
public sealed class DayDigestBuilder
{
    private readonly List<(long Time, byte[] Line)> _samples = [];
    private readonly List<(long Time, byte[] Line)> _events = [];
    private readonly List<(long Time, byte[] Line)> _cycles = [];

    /// <summary>Adds a sample.</summary>
    public void Add(in RawSample sample) => _samples.Add((sample.TimestampMs, CanonicalLines.Sample(sample)));

    /// <summary>Adds a status event.</summary>
    public void Add(in RawStatusEvent statusEvent) => _events.Add((statusEvent.TimestampMs, CanonicalLines.StatusEvent(statusEvent)));

    /// <summary>Adds a collection cycle row.</summary>
    public void Add(in RawCycle cycle) => _cycles.Add((cycle.MinuteMs, CanonicalLines.Cycle(cycle)));

    /// <summary>The digest of everything added so far.</summary>
    public DayDigest Build() => new(
        _samples.Count, HashLines(_samples),
        _events.Count, HashLines(_events),
        _cycles.Count, HashLines(_cycles));

    /// <summary>A digest over the given rows.</summary>
    public static DayDigest Compute(IEnumerable<RawSample> samples, IEnumerable<RawStatusEvent> statusEvents, IEnumerable<RawCycle> cycles)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(statusEvents);
        ArgumentNullException.ThrowIfNull(cycles);
        var builder = new DayDigestBuilder();
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

    private static string HashLines(List<(long Time, byte[] Line)> lines)
    {
        // Time first (numerically), then the line bytes, so the order is total and does not depend on storage order.
        lines.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Line.AsSpan().SequenceCompareTo(b.Line));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (_, line) in lines)
        {
            hash.AppendData(line);
            hash.AppendData("\n"u8);
        }

        return EvidenceEncoding.ToHex(hash.GetHashAndReset());
    }
}
