using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Energy;

namespace EdgeAgent.Core.Indicators;

/// <summary>Energy per output value, energy per unit and CO₂ per unit.</summary>
public static partial class IndicatorEngine
{
    private static IEnumerable<IndicatorResult> EnergyIndicators(IndicatorInputs inputs)
    {
        var config = inputs.Config;
        var converter = new EnergyConverter(config.Indicators.Energy);
        var boundary = BoundaryEquipment(config);

        // Energy side: one part per boundary meter.
        var energy = new Dictionary<string, (double Kgce, double KgCo2)>(StringComparer.Ordinal);
        var total = default(EnergyQuantities);
        var dataDays = new List<DateOnly>();
        foreach (var equipment in boundary)
        {
            var quantities = default(EnergyQuantities);
            foreach (var (day, rollup) in inputs.Rollups(equipment.Id))
            {
                quantities += EnergyQuantities.From(rollup);
                if (rollup.HasData)
                {
                    dataDays.Add(day);
                }
            }

            total += quantities;
            energy[EquipmentSubject(equipment.Id)] = (converter.ToKgce(quantities), converter.ToKgCo2(quantities));
        }

        // Output side: good parts of the output equipment, or the entered facts.
        var value = new Dictionary<string, double>(StringComparer.Ordinal);
        var units = new Dictionary<string, double>(StringComparer.Ordinal);
        var notes = new List<string>();
        if (boundary.Count == 0)
        {
            notes.Add("No energy boundary: no equipment of type meter and no $.indicators.energy.boundaryEquipment, so no energy is counted.");
        }

        var source = config.Indicators.Output.Source;
        if (source == IndicatorsOutputSource.Counters)
        {
            var unpriced = new List<string>();
            foreach (var (id, settings) in inputs.EquipmentSettings.Where(s => s.Value.CountsOutput))
            {
                var good = inputs.Rollups(id).Sum(r => r.Rollup.GoodParts);
                units[EquipmentSubject(id)] = good;
                if (settings.UnitPriceCny is { } price)
                {
                    value[EquipmentSubject(id)] = good * price / 10_000;
                }
                else
                {
                    unpriced.Add(id);
                }
            }

            if (unpriced.Count > 0)
            {
                notes.Add($"Output equipment without unitPriceCny adds units but no output value: {string.Join(", ", unpriced)}.");
            }
        }
        else
        {
            var (factValue, factUnits, unitsMissing) = ProratedFacts(inputs.OutputFacts, inputs.Window);
            if (factValue > 0)
            {
                value["output-facts"] = factValue / 10_000;
            }

            if (factUnits > 0)
            {
                units["output-facts"] = factUnits;
            }

            if (unitsMissing)
            {
                notes.Add("Some output facts overlapping the window have no units: units are undercounted.");
            }
        }

        var coefficients = EnergyConverter.Carriers.ToDictionary(
            c => CarrierName(c),
            c => (object)new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["kgcePerUnit"] = converter.Coefficient(c).KgcePerUnit,
                ["includeInTotal"] = converter.Coefficient(c).IncludeInTotal,
                ["source"] = converter.Coefficient(c).Source,
            },
            StringComparer.Ordinal);
        var emissionFactors = EnergyConverter.Carriers
            .Where(c => converter.EmissionFactor(c) is not null)
            .ToDictionary(c => CarrierName(c), c => (object)new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["kgCo2PerUnit"] = converter.EmissionFactor(c)!.KgCo2PerUnit,
                ["source"] = converter.EmissionFactor(c)!.Source,
            }, StringComparer.Ordinal);
        var common = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["boundaryEquipment"] = boundary.Select(e => e.Id).ToArray(),
            ["electricityKwh"] = total.ElectricityKwh,
            ["naturalGasM3"] = total.NaturalGasM3,
            ["steamTonnes"] = total.SteamTonnes,
            ["waterM3"] = total.WaterM3,
            ["outputSource"] = source == IndicatorsOutputSource.Counters ? "counters" : "facts",
            ["outputEquipment"] = inputs.EquipmentSettings.Values.Where(s => s.CountsOutput).Select(s => s.Equipment).ToArray(),
        };

        var conversion = "Energy of the boundary meters converted to standard coal with GB/T 2589-2020 coefficients (electricity at its equivalent value unless configured otherwise)";
        var outputText = source == IndicatorsOutputSource.Counters
            ? "good parts of the equipment marked countsOutput"
            : "the entered output facts, prorated by the days they share with the window";
        yield return Result(inputs, IndicatorIds.EnergyPerOutputValue, null, new("单位产值能耗", "Energy per output value"),
            "tce/10^4 CNY", IndicatorIds.EnergyPerOutputValue,
            new IndicatorRule($"{conversion}, in tonnes (tce), ÷ output value in 10 000 CNY ({(source == IndicatorsOutputSource.Counters ? "good parts × unitPriceCny of the equipment marked countsOutput" : outputText)}).",
                With(common, ("coefficients", coefficients))),
            Parts(energy.ToDictionary(e => e.Key, e => e.Value.Kgce / 1000, StringComparer.Ordinal), value), dataDays, notes,
            "no output value in the window (" + (source == IndicatorsOutputSource.Counters ? "no good parts counted on priced countsOutput equipment" : "no output fact overlaps the window") + ")");
        yield return Result(inputs, IndicatorIds.EnergyPerUnit, null, new("单位产品综合能耗", "Energy per unit produced"),
            "kgce/unit", IndicatorIds.EnergyPerUnit,
            new IndicatorRule($"{conversion}, in kgce, ÷ units produced ({outputText}).", With(common, ("coefficients", coefficients))),
            Parts(energy.ToDictionary(e => e.Key, e => e.Value.Kgce, StringComparer.Ordinal), units), dataDays, notes,
            "no units produced in the window");
        yield return Result(inputs, IndicatorIds.Co2PerUnit, null, new("单位产品二氧化碳排放量", "CO₂ per unit produced"),
            "kgCO2/unit", IndicatorIds.Co2PerUnit,
            new IndicatorRule($"Energy of the boundary meters × CO₂ emission factor of each carrier (carriers without a factor emit nothing counted), in kg CO₂, ÷ units produced ({outputText}).",
                With(common, ("emissionFactors", emissionFactors))),
            Parts(energy.ToDictionary(e => e.Key, e => e.Value.KgCo2, StringComparer.Ordinal), units), dataDays, notes,
            "no units produced in the window");
    }

    /// <summary>The equipment whose energy counters form the energy boundary (see <see cref="EnergyConfig.BoundaryEquipment"/>).</summary>
    public static IReadOnlyList<EquipmentConfig> BoundaryEquipment(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var listed = config.Indicators.Energy.BoundaryEquipment;
        if (listed.Count > 0)
        {
            return config.Equipment.Where(e => listed.Contains(e.Id, StringComparer.Ordinal)).ToList();
        }

        // Deliberately not "all equipment when there is no meter": that fallback would depend on what one gateway
        // holds, and the gateways of one plant must add up.
        return config.Equipment.Where(e => e.Type == EquipmentType.Meter).ToList();
    }

    /// <summary>
    /// Output value (CNY) and units of the facts that overlap the window, each prorated by the share of its days inside
    /// the window; and whether an overlapping fact lacked units.
    /// </summary>
    public static (double ValueCny, double Units, bool UnitsMissing) ProratedFacts(IReadOnlyList<OutputFact> facts, IndicatorWindow window)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        double value = 0, units = 0;
        var missing = false;
        foreach (var fact in facts)
        {
            var overlap = window.OverlapDays(fact.From, fact.To);
            if (overlap == 0 || fact.Days == 0)
            {
                continue;
            }

            var share = (double)overlap / fact.Days;
            value += fact.ValueCny * share;
            if (fact.Units is { } u)
            {
                units += u * share;
            }
            else
            {
                missing = true;
            }
        }

        return (value, units, missing);
    }

    private static List<IndicatorPart> Parts(IReadOnlyDictionary<string, double> numerators, IReadOnlyDictionary<string, double> denominators) =>
        numerators.Keys.Union(denominators.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(k => new IndicatorPart(k, numerators.GetValueOrDefault(k), denominators.GetValueOrDefault(k)))
            .ToList();

    private static Dictionary<string, object> With(Dictionary<string, object> common, (string Key, object Value) extra) =>
        new(common, StringComparer.Ordinal) { [extra.Key] = extra.Value };

    private static string CarrierName(EnergyCarrier carrier) => carrier switch
    {
        EnergyCarrier.Electricity => "electricity",
        EnergyCarrier.NaturalGas => "natural-gas",
        EnergyCarrier.Steam => "steam",
        _ => "water",
    };
}
