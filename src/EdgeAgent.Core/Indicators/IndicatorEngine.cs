using System.Globalization;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Rollups;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Core.Indicators;

/// <summary>
/// Computes every indicator from the inventory and the per-equipment day rollups over a window of plant-local days.
/// Pure: no I/O and no clock; the CLI (<c>indicators</c>), <c>/api/indicators</c> and the evidence ledger all call
/// <see cref="Compute(AgentConfig, IReadOnlyList{EquipmentRollup}, DateOnly, DateOnly, IReadOnlyList{OutputFact}, ThresholdCatalogue)"/>.
/// </summary>
public static partial class IndicatorEngine
{
    /// <summary>Control systems that make a process count as numerically controlled (数控化): CNC for discrete, PLC/DCS for process industries.</summary>
    public static IReadOnlyList<ControlSystem> NumericalControl { get; } = [ControlSystem.Cnc, ControlSystem.Plc, ControlSystem.Dcs];

    /// <summary>
    /// Computes every indicator for the days <paramref name="from"/>..<paramref name="to"/> (plant-local, inclusive),
    /// with day boundaries in the site's time zone (<c>$.site.timeZone</c>).
    /// </summary>
    public static IndicatorReport Compute(AgentConfig config, IReadOnlyList<EquipmentRollup> dayRollups, DateOnly from, DateOnly to,
        IReadOnlyList<OutputFact> outputFacts, ThresholdCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Compute(config, dayRollups, from, to, outputFacts, catalogue, TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone));
    }

    /// <summary>As the other overload, with the plant's time zone given.</summary>
    public static IndicatorReport Compute(AgentConfig config, IReadOnlyList<EquipmentRollup> dayRollups, DateOnly from, DateOnly to,
        IReadOnlyList<OutputFact> outputFacts, ThresholdCatalogue catalogue, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(dayRollups);
        ArgumentNullException.ThrowIfNull(outputFacts);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(timeZone);
        var window = new IndicatorWindow(from, to);
        var inputs = new IndicatorInputs(config, dayRollups, window, outputFacts, catalogue, timeZone);

        var results = new List<IndicatorResult>
        {
            NetworkedRatio(inputs, digitisedOnly: false),
            NetworkedRatio(inputs, digitisedOnly: true),
            KeyProcessCncRate(inputs, verified: false),
            KeyProcessCncRate(inputs, verified: true),
            RobotsPerWorker(inputs),
        };
        results.AddRange(EnergyIndicators(inputs));
        results.AddRange(OeeIndicators(inputs));
        results.Add(DefectRate(inputs));

        var dataDays = config.Equipment.SelectMany(e => inputs.DataDays(e.Id)).ToHashSet();
        return new IndicatorReport
        {
            Site = config.Site.Id,
            Industry = config.Site.Industry,
            Agents = [config.Site.AgentId],
            Window = window,
            Results = results,
            DataDays = dataDays,
            Notes = window.IsShort ? [ShortWindowNote(window)] : [],
        };
    }

    /// <summary>The sentence that says a window is too short for an assessment.</summary>
    public static string ShortWindowNote(IndicatorWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return Invariant($"Short window: {window.Days} days. An assessment window must span at least {IndicatorWindow.MinimumAssessmentDays} days (the previous year, or at least 3 months of the assessment year: Beijing plan, note under annex 2), so these values are indicative only.");
    }

    /// <summary>Builds a result from its parts and attaches the thresholds of the site's industry.</summary>
    private static IndicatorResult Result(IndicatorInputs inputs, string id, string? subject, LocalizedText name, string unit,
        string thresholdKey, IndicatorRule rule, IReadOnlyList<IndicatorPart> parts, IEnumerable<DateOnly> dataDays,
        IEnumerable<string> notes, string reasonWhenEmpty)
    {
        var thresholds = subject is null
            ? inputs.Catalogue.For(inputs.Config.Site.Industry, thresholdKey).Select(t => new ThresholdCheck(t, null)).ToList()
            : [];
        var allNotes = notes.ToList();
        if (inputs.Window.IsShort)
        {
            allNotes.Insert(0, ShortWindowNote(inputs.Window));
        }

        var template = new IndicatorResult
        {
            Id = id,
            Subject = subject,
            Name = name,
            Unit = unit,
            Rule = rule,
            Window = inputs.Window,
            Thresholds = thresholds,
            ThresholdKey = thresholdKey,
        };
        return IndicatorResult.From(template, parts, dataDays.ToHashSet(), allNotes, reasonWhenEmpty);
    }

    private static string EquipmentSubject(string id) => "equipment:" + id;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => Invariant($"{share * 100:0.##} %");
}
