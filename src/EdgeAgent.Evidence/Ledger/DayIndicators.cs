using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>The indicators of one day as a record member: the engine's report over a one-day window, in its JSON shape.</summary>
public static class DayIndicators
{
    /// <summary>Status when the indicators were computed.</summary>
    public const string Computed = "computed";

    /// <summary>
    /// Computes the day's indicators. Returns the report (null when it cannot be computed) and a status: <see cref="Computed"/>,
    /// or a sentence saying why not (no rollup builder wired, engine failure).
    /// </summary>
    public static (JsonNode? Report, string Status) Compute(AgentConfig config, DayRawData data, TimeZoneInfo zone, DayRollupFunction? rollups,
        IReadOnlyList<OutputFact> outputFacts, ThresholdCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        if (rollups is null)
        {
            return (null, "unavailable: no rollup builder is wired into the ledger, so only collection figures are recorded");
        }

        try
        {
            var dayRollups = rollups(config, data, zone);
            var report = IndicatorEngine.Compute(config, dayRollups, data.Bounds.Day, data.Bounds.Day, outputFacts, catalogue, zone);
            return (JsonSerializer.SerializeToNode(report, IndicatorReport.JsonOptions), Computed);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or JsonException or ArithmeticException)
        {
            return (null, "failed: " + ex.Message);
        }
    }

    /// <summary>The output facts member of a record (what the energy indicators used).</summary>
    public static JsonArray FactsToJson(IEnumerable<OutputFact> facts) =>
        new(facts.Select(f => (JsonNode?)new JsonObject
        {
            ["from"] = DayBounds.Format(f.From),
            ["to"] = DayBounds.Format(f.To),
            ["valueCny"] = f.ValueCny,
            ["units"] = f.Units,
        }).ToArray());

    /// <summary>Reads the output facts member back.</summary>
    public static IReadOnlyList<OutputFact> FactsFromJson(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        var facts = new List<OutputFact>();
        foreach (var item in array.OfType<JsonObject>())
        {
            if (DayBounds.TryParse(item["from"]?.GetValue<string>(), out var from) && DayBounds.TryParse(item["to"]?.GetValue<string>(), out var to))
            {
                facts.Add(new OutputFact(from, to, item["valueCny"]?.GetValue<double>() ?? 0, item["units"]?.GetValue<double>()));
            }
        }

        return facts;
    }
}
