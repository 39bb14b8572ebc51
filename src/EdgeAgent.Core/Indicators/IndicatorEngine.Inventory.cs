using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Core.Indicators;

/// <summary>Networked ratio, key-process CNC rate and robots per worker: inventory indicators backed by collected data.</summary>
public static partial class IndicatorEngine
{
    private static IndicatorResult NetworkedRatio(IndicatorInputs inputs, bool digitisedOnly)
    {
        var rules = inputs.Config.Indicators;
        var windowDays = (double)inputs.Window.Days;
        var parts = new List<IndicatorPart>();
        var dataDays = new List<DateOnly>();
        var withoutSource = new List<string>();
        var notNetworked = new List<string>();
        foreach (var equipment in inputs.Config.Equipment)
        {
            if (!equipment.Production || (digitisedOnly && !equipment.HasCommunicationInterface))
            {
                continue;
            }

            var status = inputs.Network(equipment);
            if (status.InServiceDays == 0)
            {
                continue;
            }

            // Equipment joining or leaving mid-window counts for its share of the window only.
            var weight = status.InServiceDays / windowDays;
            parts.Add(new IndicatorPart(EquipmentSubject(equipment.Id), status.Networked ? weight : 0, weight));
            if (inputs.InService(equipment) is { } span)
            {
                dataDays.AddRange(inputs.DataDays(equipment.Id).Where(d => d >= span.From && d <= span.To));
            }

            if (equipment.Source is null)
            {
                withoutSource.Add(equipment.Id);
            }
            else if (!status.Networked)
            {
                notNetworked.Add(Invariant($"{equipment.Id} ({status.NetworkedDays}/{status.InServiceDays} days)"));
            }
        }

        var notes = new List<string>();
        if (withoutSource.Count > 0)
        {
            notes.Add($"Not collected (no source), counted in the denominator only: {string.Join(", ", withoutSource)}.");
        }

        if (notNetworked.Count > 0)
        {
            notes.Add($"Collected but networked on too few days: {string.Join(", ", notNetworked)}.");
        }

        var denominatorText = digitisedOnly
            ? "digitised production equipment (with a communication interface)"
            : "all production equipment";
        var rule = new IndicatorRule(
            Invariant($"Networked production equipment ÷ {denominatorText} in service. A day counts as networked when data was collected automatically with availability (good cycles ÷ cycles) ≥ {Percent(rules.NetworkedDayAvailability)}; equipment is networked over the window when networked on ≥ {Percent(rules.NetworkedWindowShare)} of its in-service days. Each piece of equipment weighs its in-service days ÷ window days, so numerator and denominator are average equipment counts."),
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["networkedDayAvailability"] = rules.NetworkedDayAvailability,
                ["networkedWindowShare"] = rules.NetworkedWindowShare,
                ["denominator"] = digitisedOnly ? "production equipment with hasCommunicationInterface" : "production equipment",
                ["weighting"] = "in-service days / window days",
            });
        return digitisedOnly
            ? Result(inputs, IndicatorIds.NetworkedDigitisedEquipmentRatio, null, new("数字化设备联网率", "Networked ratio of digitised equipment"),
                "ratio", IndicatorIds.NetworkedDigitisedEquipmentRatio, rule, parts, dataDays, notes,
                "no digitised production equipment (hasCommunicationInterface) was in service in the window")
            : Result(inputs, IndicatorIds.NetworkedEquipmentRatio, null, new("生产设备联网率", "Networked production equipment ratio"),
                "ratio", IndicatorIds.NetworkedEquipmentRatio, rule, parts, dataDays, notes,
                "no production equipment was in service in the window");
    }

    private static IndicatorResult KeyProcessCncRate(IndicatorInputs inputs, bool verified)
    {
        var parts = new List<IndicatorPart>();
        var dataDays = new List<DateOnly>();
        var uncontrolled = new List<string>();
        foreach (var process in inputs.Config.Processes.Where(p => p.Key))
        {
            var controllers = inputs.Config.Equipment
                .Where(e => string.Equals(e.Process, process.Id, StringComparison.Ordinal)
                    && NumericalControl.Contains(e.ControlSystem)
                    && inputs.InServiceDays(e) > 0)
                .ToList();
            var counted = verified ? controllers.Where(e => inputs.Network(e).Networked).ToList() : controllers;
            parts.Add(new IndicatorPart("process:" + process.Id, counted.Count > 0 ? 1 : 0, 1));
            dataDays.AddRange(controllers.SelectMany(e => inputs.DataDays(e.Id)));
            if (counted.Count == 0)
            {
                uncontrolled.Add(process.Id);
            }
        }

        var notes = new List<string>();
        if (uncontrolled.Count > 0)
        {
            notes.Add(verified
                ? $"Key processes without networked CNC/PLC/DCS-controlled equipment in the window: {string.Join(", ", uncontrolled)}."
                : $"Key processes without CNC/PLC/DCS-controlled equipment in service: {string.Join(", ", uncontrolled)}.");
        }

        var rule = new IndicatorRule(
            verified
                ? "Key processes with at least one piece of equipment under CNC, PLC or DCS control that was also networked over the window ÷ all key processes (数控化的关键生产工序数量 ÷ 关键生产工序总数量, Beijing plan annex 2 row 1), checked against collected data."
                : "Key processes with at least one piece of equipment under CNC, PLC or DCS control in service in the window ÷ all key processes (数控化的关键生产工序数量 ÷ 关键生产工序总数量, Beijing plan annex 2 row 1), as declared in the inventory.",
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["variant"] = verified ? "verified" : "declared",
                ["controlSystems"] = NumericalControl.Select(c => c.ToString().ToUpperInvariant()).ToArray(),
                ["keyProcesses"] = inputs.Config.Processes.Where(p => p.Key).Select(p => p.Id).ToArray(),
            });
        return verified
            ? Result(inputs, IndicatorIds.KeyProcessCncRateVerified, null, new("关键工序数控化率(联网核验)", "Key-process CNC rate (verified)"),
                "ratio", IndicatorIds.KeyProcessCncRate, rule, parts, dataDays, notes, "no key process is declared in $.processes")
            : Result(inputs, IndicatorIds.KeyProcessCncRate, null, new("关键工序数控化率(申报)", "Key-process CNC rate (declared)"),
                "ratio", IndicatorIds.KeyProcessCncRate, rule, parts, dataDays, notes, "no key process is declared in $.processes");
    }

    private static IndicatorResult RobotsPerWorker(IndicatorInputs inputs)
    {
        var windowDays = (double)inputs.Window.Days;
        var parts = new List<IndicatorPart>();
        var dataDays = new List<DateOnly>();
        foreach (var robot in inputs.Config.Equipment.Where(e => e.Type == EquipmentType.Robot))
        {
            var days = inputs.InServiceDays(robot);
            if (days > 0)
            {
                parts.Add(new IndicatorPart(EquipmentSubject(robot.Id), days / windowDays, 0));
                dataDays.AddRange(inputs.DataDays(robot.Id));
            }
        }

        var (average, knownDays) = AverageHeadcount(inputs.Config.Indicators.Headcount, inputs.Window);
        var notes = new List<string>();
        if (knownDays > 0)
        {
            parts.Add(new IndicatorPart("headcount", 0, average));
        }

        if (knownDays < inputs.Window.Days)
        {
            notes.Add(Invariant($"The headcount covers {knownDays} of the {inputs.Window.Days} days of the window; the average is taken over the days it covers."));
        }

        var rule = new IndicatorRule(
            "Robots in service ÷ direct production workers (企业拥有机器人数量 ÷ 企业生产人数, Beijing plan annex 2 row 2). A robot weighs its in-service days ÷ window days; workers are the day-weighted average of the dated headcount entries over the days of the window they cover. The documents state the indicator per worker (e.g. 0.025), not per 10 000 workers.",
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["robots"] = "equipment of type robot in service",
                ["workers"] = "direct production workers (直接生产人员), day-weighted average",
                ["headcountDays"] = knownDays,
            });
        return Result(inputs, IndicatorIds.RobotsPerProductionWorker, null, new("人均机器人拥有量", "Robots per production worker"),
            "robots/worker", IndicatorIds.RobotsPerProductionWorker, rule, parts, dataDays, notes,
            "no headcount entry in $.indicators.headcount covers the window");
    }

    /// <summary>
    /// Day-weighted average of the headcount over the window's days that an entry covers (an entry applies from its
    /// date until the next entry), and how many days that is.
    /// </summary>
    public static (double Average, int KnownDays) AverageHeadcount(IReadOnlyList<HeadcountEntry> headcount, IndicatorWindow window)
    {
        ArgumentNullException.ThrowIfNull(headcount);
        ArgumentNullException.ThrowIfNull(window);
        var ordered = headcount.OrderBy(h => h.From).ToList();
        var sum = 0.0;
        var known = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1].From.AddDays(-1) : DateOnly.MaxValue;
            var days = window.OverlapDays(ordered[i].From, end);
            sum += (double)days * ordered[i].DirectProductionWorkers;
            known += days;
        }

        return known == 0 ? (0, 0) : (sum / known, known);
    }
}
