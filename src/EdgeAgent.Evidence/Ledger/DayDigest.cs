using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// SHA-256 digests of every raw row stored for one plant-local day: samples, status events and collection cycles,
/// each over its canonical lines in canonical order, and one digest over the three (docs/evidence.md, "Day digest").
/// </summary>
/// <param name="SampleCount">Samples of the day.</param>
/// <param name="Samples">Hex SHA-256 of the sample lines.</param>
/// <param name="StatusEventCount">Status events of the day.</param>
/// <param name="StatusEvents">Hex SHA-256 of the status event lines.</param>
/// <param name="CycleCount">Collection cycle rows of the day.</param>
/// <param name="Cycles">Hex SHA-256 of the cycle lines.</param>
public sealed record DayDigest(long SampleCount, string Samples, long StatusEventCount, string StatusEvents, long CycleCount, string Cycles)
{
    /// <summary>Hex SHA-256 of the canonical JSON <c>{"cycles":…,"samples":…,"statusEvents":…}</c> (the three hex digests).</summary>
    public string Sha256 => EvidenceHash.Sha256CanonicalHex(new JsonObject
    {
        ["cycles"] = Cycles,
        ["samples"] = Samples,
        ["statusEvents"] = StatusEvents,
    });

    /// <summary>The <c>digest</c> member of a daily record.</summary>
    public JsonObject ToJson() => new()
    {
        ["algorithm"] = "sha256",
        ["sha256"] = Sha256,
        ["samples"] = new JsonObject { ["count"] = SampleCount, ["sha256"] = Samples },
        ["statusEvents"] = new JsonObject { ["count"] = StatusEventCount, ["sha256"] = StatusEvents },
        ["cycles"] = new JsonObject { ["count"] = CycleCount, ["sha256"] = Cycles },
    };

    /// <summary>Reads the <c>digest</c> member of a daily record, or null when it is missing or malformed.</summary>
    public static DayDigest? FromJson(JsonNode? node)
    {
        try
        {
            if (node is not JsonObject o)
            {
                return null;
            }

            return new DayDigest(
                o["samples"]!["count"]!.GetValue<long>(),
                o["samples"]!["sha256"]!.GetValue<string>(),
                o["statusEvents"]!["count"]!.GetValue<long>(),
                o["statusEvents"]!["sha256"]!.GetValue<string>(),
                o["cycles"]!["count"]!.GetValue<long>(),
                o["cycles"]!["sha256"]!.GetValue<string>());
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
