using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// The canonical form of one raw row inside a day digest: a JSON array in RFC 8785 form (docs/evidence.md,
/// "Day digest"). Arrays rather than objects so the line is short and its member order is fixed by position.
/// </summary>
public static class CanonicalLines
{
    /// <summary><c>[equipment, tag, ts_ms, value|null, text|null, quality, status|null]</c>; an infinite value is the string "Infinity" / "-Infinity".</summary>
    public static byte[] Sample(in RawSample sample) => CanonicalJson.Serialize(new JsonArray(
        sample.Equipment,
        sample.Tag,
        sample.TimestampMs,
        ValueNode(sample.Value),
        sample.Text,
        sample.Quality,
        sample.Status));

    /// <summary><c>[source, ts_ms, online, reason]</c>.</summary>
    public static byte[] StatusEvent(in RawStatusEvent e) => CanonicalJson.Serialize(new JsonArray(e.Source, e.TimestampMs, e.Online, e.Reason));

    /// <summary><c>[source, minute_ms, attempts, good]</c>.</summary>
    public static byte[] Cycle(in RawCycle c) => CanonicalJson.Serialize(new JsonArray(c.Source, c.MinuteMs, c.Attempts, c.Good));

    private static JsonValue? ValueNode(double? value) => value switch
    {
        null => null,
        double.PositiveInfinity => JsonValue.Create("Infinity"),
        double.NegativeInfinity => JsonValue.Create("-Infinity"),
        double v => JsonValue.Create(v),
    };
}
