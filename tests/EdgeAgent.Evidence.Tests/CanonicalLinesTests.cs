using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EdgeAgent.Evidence.Ledger;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeAgent.Evidence.Tests;

/// <summary>
/// The canonical lines of the day digest are written directly, not through a <c>JsonArray</c>; these properties hold
/// them byte for byte to the definition (docs/evidence.md, "Day digest"): <c>CanonicalJson.Serialize</c> of the array.
/// </summary>
public class CanonicalLinesTests
{
    private static readonly string[] Pieces =
    [
        "cnc-1", "state", "spindle_kw", "a", "Z", "0", "_", " ", ",", "é", "ö", "€", "中文", "😀", "\ufb33", "\u0080", "\u007f",
        "\u2028", "\u0000", "\u0001", "\u001f", "\b", "\f", "\n", "\r", "\t", "\"", "\\", "/", "<", "&", "'", "\uffff",
    ];

    [Fact]
    public void SampleLinesAreTheCanonicalJsonOfTheArray()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Seeds(), seed =>
        {
            var sample = RandomSample(new Random(seed));
            return Same(() => CanonicalLines.Sample(sample), () => Reference(sample));
        }));
    }

    [Fact]
    public void StatusEventAndCycleLinesAreTheCanonicalJsonOfTheArray()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var e = new RawStatusEvent(Text(random), Time(random), random.Next(2) == 0, Text(random));
            var c = new RawCycle(Text(random), Time(random), Time(random), Time(random));
            return Same(() => CanonicalLines.StatusEvent(e), () => Reference(e))
                && Same(() => CanonicalLines.Cycle(c), () => Reference(c));
        }));
    }

    [Fact]
    public void EdgeValuesAreWrittenAsTheDefinitionSays()
    {
        Assert.Equal("""["e","t",0,null,null,0,null]""", Line(new RawSample("e", "t", 0, null, null, 0, null)));
        Assert.Equal("""["e","t",-1,"Infinity","",3,"x"]""", Line(new RawSample("e", "t", -1, double.PositiveInfinity, "", 3, "x")));
        Assert.Equal("""["e","t",1,"-Infinity",null,1,null]""", Line(new RawSample("e", "t", 1, double.NegativeInfinity, null, 1, null)));
        Assert.Equal("""["e","t",9007199254740992,0,null,0,null]""", Line(new RawSample("e", "t", 9007199254740993, -0.0, null, 0, null)));
        Assert.Equal("""["e","t",1,1e+21,null,0,null]""", Line(new RawSample("e", "t", 1, 1e21, null, 0, null)));
        Assert.Equal("""["e","t",1,0.37,null,0,null]""", Line(new RawSample("e", "t", 1, 0.37, null, 0, null)));
        Assert.Equal("""["e","t",1,-9223372036854776000,null,0,null]""", Line(new RawSample("e", "t", 1, long.MinValue, null, 0, null)));
        Assert.Throws<CanonicalJsonException>(() => CanonicalLines.Sample(new RawSample("e", "t", 1, double.NaN, null, 0, null)));
        Assert.Throws<CanonicalJsonException>(() => CanonicalLines.Sample(new RawSample("e\ud800", "t", 1, 1, null, 0, null)));
    }

    [Fact]
    public void DayDigestIsTheSpecifiedHashWhateverTheRowOrder()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            // Few distinct times and values, so ties (ordered by the line bytes) and equal lines are common.
            long T() => random.Next(4) * 1000L;
            string S() => random.Next(3) switch { 0 => "a", 1 => "b", _ => Text(random, loneSurrogates: false) };
            var samples = Enumerable.Range(0, random.Next(40))
                .Select(_ => new RawSample(S(), S(), T(), random.Next(4) == 0 ? null : random.Next(3) - 1, random.Next(2) == 0 ? null : S(), random.Next(4), null)).ToList();
            var events = Enumerable.Range(0, random.Next(10)).Select(_ => new RawStatusEvent(S(), T(), random.Next(2) == 0, S())).ToList();
            var cycles = Enumerable.Range(0, random.Next(10)).Select(_ => new RawCycle(S(), T(), random.Next(3), random.Next(3))).ToList();

            var digest = DayDigestBuilder.Compute(samples, events, cycles);
            var shuffled = DayDigestBuilder.Compute(samples.OrderBy(_ => random.Next()).ToList(), events.OrderBy(_ => random.Next()).ToList(),
                cycles.OrderBy(_ => random.Next()).ToList());

            return digest == shuffled
                && digest.SampleCount == samples.Count && digest.Samples == SpecHash(samples.Select(s => (s.TimestampMs, Reference(s))))
                && digest.StatusEventCount == events.Count && digest.StatusEvents == SpecHash(events.Select(e => (e.TimestampMs, Reference(e))))
                && digest.CycleCount == cycles.Count && digest.Cycles == SpecHash(cycles.Select(c => (c.MinuteMs, Reference(c))));
        }));
    }

    [Fact]
    public void DigestOfNoRowsIsTheHashOfNothing()
    {
        var digest = DayDigestBuilder.Compute([], [], []);

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", digest.Samples);
        Assert.Equal(digest.Samples, digest.StatusEvents);
        Assert.Equal(digest.Samples, digest.Cycles);
    }

    private static Arbitrary<int> Seeds() => ArbMap.Default.ArbFor<int>();

    private static string Line(RawSample sample) => Encoding.UTF8.GetString(CanonicalLines.Sample(sample));

    /// <summary>Both give the same bytes, or both throw <see cref="CanonicalJsonException"/> (lone surrogates).</summary>
    private static bool Same(Func<byte[]> actual, Func<byte[]> expected)
    {
        byte[]? e;
        try
        {
            e = expected();
        }
        catch (CanonicalJsonException)
        {
            e = null;
        }

        if (e is null)
        {
            try
            {
                actual();
                return false;
            }
            catch (CanonicalJsonException)
            {
                return true;
            }
        }

        return actual().AsSpan().SequenceEqual(e);
    }

    // The definition, through the general RFC 8785 writer.
    private static byte[] Reference(RawSample s) => CanonicalJson.Serialize(new JsonArray(s.Equipment, s.Tag, s.TimestampMs, s.Value switch
    {
        null => null,
        double.PositiveInfinity => JsonValue.Create("Infinity"),
        double.NegativeInfinity => JsonValue.Create("-Infinity"),
        double v => JsonValue.Create(v),
    }, s.Text, s.Quality, s.Status));

    private static byte[] Reference(RawStatusEvent e) => CanonicalJson.Serialize(new JsonArray(e.Source, e.TimestampMs, e.Online, e.Reason));

    private static byte[] Reference(RawCycle c) => CanonicalJson.Serialize(new JsonArray(c.Source, c.MinuteMs, c.Attempts, c.Good));

    /// <summary>docs/evidence.md: sort by time, ties by the line bytes; SHA-256 over the lines, each followed by LF.</summary>
    private static string SpecHash(IEnumerable<(long Time, byte[] Line)> lines)
    {
        var sorted = lines.ToList();
        sorted.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Line.AsSpan().SequenceCompareTo(b.Line));
        var all = sorted.SelectMany(l => l.Line.Append((byte)'\n')).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(all));
    }

    private static RawSample RandomSample(Random random) => new(
        Text(random), Text(random), Time(random), Value(random),
        random.Next(3) == 0 ? null : Text(random), random.Next(5) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(4),
        random.Next(3) == 0 ? null : Text(random));

    private static long Time(Random random) => random.Next(4) switch
    {
        0 => random.NextInt64(long.MinValue, long.MaxValue),
        1 => random.NextInt64(-(1L << 54), 1L << 54),
        _ => 1_767_196_800_000 + random.NextInt64(0, 8_640_000_000),
    };

    private static double? Value(Random random)
    {
        while (true)
        {
            double? d = random.Next(9) switch
            {
                0 => null,
                1 => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
                2 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
                3 => random.Next(-100_000, 100_000) / Math.Pow(10, random.Next(0, 8)),
                4 => random.NextInt64(-(1L << 60), 1L << 60),
                5 => random.Next(-3, 3) * 0.0,
                6 => random.Next(-1000, 1000),
                _ => random.NextDouble() * Math.Pow(10, random.Next(-30, 30)),
            };
            if (d is not { } v || !double.IsNaN(v))
            {
                return d;
            }
        }
    }

    private static string Text(Random random, bool loneSurrogates = true)
    {
        var sb = new StringBuilder();
        for (var i = random.Next(5); i > 0; i--)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        if (loneSurrogates && random.Next(40) == 0)
        {
            sb.Insert(random.Next(sb.Length + 1), random.Next(2) == 0 ? '\ud83d' : '\ude00');
        }

        return sb.ToString();
    }
}
