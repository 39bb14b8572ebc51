using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Core.Indicators;

/// <summary>OEE and its factors (ISO 22400-2), per equipment and for the plant, and the defect rate.</summary>
public static partial class IndicatorEngine
{
    private static IEnumerable<IndicatorResult> OeeIndicators(IndicatorInputs inputs)
    {
        var calendar = new ShiftCalendar(inputs.Config.Indicators.Shifts);
        var perEquipment = new List<(string Id, OeeSums Sums, List<DateOnly> Days)>();
        var excluded = new List<string>();
        foreach (var equipment in inputs.Config.Equipment.Where(e => e.Production))
        {
            if (inputs.InService(equipment) is not { } span)
            {
                continue;
            }

            if (!inputs.EquipmentSettings.TryGetValue(equipment.Id, out var settings) || settings.PlannedCycleSeconds is not { } pri || pri <= 0)
            {
                excluded.Add(equipment.Id);
                continue;
            }

            var sums = default(OeeSums);
            var days = new List<DateOnly>();
            foreach (var (day, rollup) in inputs.Rollups(equipment.Id))
            {
                // Days without collected data are unknown, not idle: they count neither as planned nor as run time.
                if (day < span.From || day > span.To || !rollup.HasData)
                {
                    continue;
                }

                days.Add(day);
                var run = rollup.RunSeconds;
                // Running outside the shift plan (overtime) extends that day's busy time, so availability stays ≤ 1.
                var busy = calendar.HasShifts ? Math.Max(calendar.PlannedBusySeconds(day), run) : 0;
                sums = sums.Add(new OeeSums(busy, run, rollup.TotalParts * pri, rollup.GoodParts * pri, rollup.GoodParts, rollup.TotalParts));
            }

            perEquipment.Add((equipment.Id, sums, days));
        }

        var notes = new List<string>();
        if (excluded.Count > 0)
        {
            notes.Add($"Not in OEE (no plannedCycleSeconds in $.indicators.equipment): {string.Join(", ", excluded)}.");
        }

        if (!calendar.HasShifts)
        {
            notes.Add("No shifts in $.indicators.shifts: there is no planned busy time, so availability and OEE have no value.");
        }

        var parameters = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["standard"] = "ISO 22400-2:2014",
            ["plannedBusyTime"] = "shift calendar, minus breaks; a day's run time beyond it extends it",
            ["daysWithoutData"] = "excluded",
            ["plantAggregation"] = "sums over equipment: weighted by planned busy time (OEE, availability), run time (performance), planned time of produced parts (quality)",
            ["excludedEquipment"] = excluded.ToArray(),
        };

        var definitions = new (string Id, LocalizedText Name, string Text, Func<OeeSums, (double, double)> Fraction, string Empty)[]
        {
            (IndicatorIds.Oee, new("设备综合效率(OEE)", "Overall equipment effectiveness (OEE)"),
                "OEE = availability × performance × quality = Σ(good quantity × planned cycle time) ÷ Σ planned busy time (ISO 22400-2).",
                s => (s.GoodPlannedSeconds, s.PlannedBusySeconds), "no planned busy time on days with data (no shift calendar, or no collected data)"),
            (IndicatorIds.OeeAvailability, new("设备可用率", "Availability"),
                "Availability = actual production (run) time ÷ planned busy time (ISO 22400-2).",
                s => (s.RunSeconds, s.PlannedBusySeconds), "no planned busy time on days with data (no shift calendar, or no collected data)"),
            (IndicatorIds.OeePerformance, new("性能效率", "Performance"),
                "Performance (effectiveness) = produced quantity × planned cycle time ÷ run time (ISO 22400-2). Above 1 means the configured planned cycle time is longer than the real one.",
                s => (s.ProducedPlannedSeconds, s.RunSeconds), "no run time on days with data"),
            (IndicatorIds.OeeQuality, new("质量合格率", "Quality rate"),
                "Quality = good quantity ÷ produced quantity (ISO 22400-2); for the plant each part weighs its planned cycle time, so plant OEE = availability × performance × quality.",
                s => (s.GoodPlannedSeconds, s.ProducedPlannedSeconds), "no parts produced on days with data"),
        };

        foreach (var (id, name, text, fraction, empty) in definitions)
        {
            var rule = new IndicatorRule(text, parameters);
            var parts = perEquipment.Select(e =>
            {
                var (n, d) = fraction(e.Sums);
                return new IndicatorPart(EquipmentSubject(e.Id), n, d);
            }).ToList();
            yield return Result(inputs, id, null, name, "ratio", id, rule, parts, perEquipment.SelectMany(e => e.Days), notes, empty);
            foreach (var (equipmentId, sums, days) in perEquipment)
            {
                var (n, d) = fraction(sums);
                yield return Result(inputs, id, equipmentId, name, "ratio", id, rule,
                    [new IndicatorPart(EquipmentSubject(equipmentId), n, d)], days, [], empty);
            }
        }
    }

    private static IndicatorResult DefectRate(IndicatorInputs inputs)
    {
        var outputIds = inputs.EquipmentSettings.Values.Where(s => s.CountsOutput).Select(s => s.Equipment).ToHashSet(StringComparer.Ordinal);
        // Only the output stage: a part passes several machines, and a fallback to "all machines" would also make the
        // result depend on which gateway holds which machine.
        var counted = inputs.Config.Equipment.Where(e => outputIds.Contains(e.Id)).ToList();
        var parts = new List<IndicatorPart>();
        var dataDays = new List<DateOnly>();
        foreach (var equipment in counted)
        {
            var rollups = inputs.Rollups(equipment.Id).ToList();
            if (rollups.Count == 0)
            {
                continue;
            }

            parts.Add(new IndicatorPart(EquipmentSubject(equipment.Id), rollups.Sum(r => r.Rollup.BadParts), rollups.Sum(r => r.Rollup.TotalParts)));
            dataDays.AddRange(rollups.Where(r => r.Rollup.HasData).Select(r => r.Day));
        }

        var rule = new IndicatorRule(
            "Defective parts ÷ all parts produced (产品不良率), counted on the equipment marked countsOutput (the stage whose output is the product).",
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["equipment"] = counted.Select(e => e.Id).ToArray(),
            });
        return Result(inputs, IndicatorIds.DefectRate, null, new("产品不良率", "Defect rate"), "ratio", IndicatorIds.DefectRate, rule,
            parts, dataDays, [], counted.Count == 0
                ? "no equipment is marked countsOutput in $.indicators.equipment"
                : "no parts were counted in the window");
    }
}
