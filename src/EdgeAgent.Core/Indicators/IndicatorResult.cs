using System.Globalization;
using System.Text.Json.Serialization;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Core.Indicators;

/// <summary>
/// One computed indicator: numerator and denominator (so gateways add up and auditors recompute), the value, the rule
/// applied, the window and how much of it had data, and the thresholds that apply with met / not met.
/// </summary>
public sealed record IndicatorResult
{
    /// <summary>Stable id, e.g. <c>networked-equipment-ratio</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Equipment id for per-equipment results; null for the plant (this gateway's share of it).</summary>
    public string? Subject { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>Sum of the parts' numerators.</summary>
    public double Numerator { get; init; }

    /// <summary>Sum of the parts' denominators.</summary>
    public double Denominator { get; init; }

    /// <summary>Numerator ÷ denominator; null when the denominator is 0 (see <see cref="Reason"/>).</summary>
    public double? Value { get; init; }

    /// <summary>Why there is no value.</summary>
    public string? Reason { get; init; }

    /// <summary>Unit of the value: <c>ratio</c> (0..1), <c>robots/worker</c>, <c>tce/10^4 CNY</c>, <c>kgce/unit</c>, <c>kgCO2/unit</c>.</summary>
    public required string Unit { get; init; }

    public required IndicatorRule Rule { get; init; }

    public required IndicatorWindow Window { get; init; }

    /// <summary>Days of the window with collected data for what this indicator uses ÷ days in the window.</summary>
    public double Coverage => Window.Days == 0 ? 0 : (double)DataDays.Count / Window.Days;

    /// <summary>Days of the window with collected data for what this indicator uses.</summary>
    public int DaysWithData => DataDays.Count;

    /// <summary>The window spans fewer than 90 days: not enough for an assessment.</summary>
    public bool Short => Window.IsShort;

    /// <summary>Thresholds for the site's industry, each with met / not met.</summary>
    public IReadOnlyList<ThresholdCheck> Thresholds { get; init; } = [];

    /// <summary>Each subject's contribution to numerator and denominator.</summary>
    public IReadOnlyList<IndicatorPart> Parts { get; init; } = [];

    /// <summary>Plain sentences worth knowing: short window, missing data, excluded equipment.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The days counted in <see cref="Coverage"/>; kept so merged results cover the union of days.</summary>
    [JsonIgnore]
    public IReadOnlySet<DateOnly> DataDays { get; init; } = new HashSet<DateOnly>();

    /// <summary>Key that selects this indicator's thresholds in the catalogue (variants share one key).</summary>
    [JsonIgnore]
    public string ThresholdKey { get; init; } = "";

    /// <summary>
    /// Combines the results of two gateways of one plant for the same indicator, subject and window. Parts are keyed
    /// by subject: distinct subjects add up; a subject both report (the same key process, the plant headcount, the
    /// same output facts) is one thing seen twice, so the larger of the two is kept. Thresholds are re-evaluated.
    /// </summary>
    public static IndicatorResult Add(IndicatorResult left, IndicatorResult right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!string.Equals(left.Id, right.Id, StringComparison.Ordinal) || !string.Equals(left.Subject, right.Subject, StringComparison.Ordinal))
        {
            throw new ArgumentException($"cannot add {right.Id}/{right.Subject} to {left.Id}/{left.Subject}", nameof(right));
        }

        if (left.Window != right.Window)
        {
            throw new ArgumentException($"cannot add results of window {right.Window} to window {left.Window}", nameof(right));
        }

        var parts = MergeParts(left.Parts, right.Parts);
        var days = new HashSet<DateOnly>(left.DataDays);
        days.UnionWith(right.DataDays);
        var notes = left.Notes.Concat(right.Notes).Distinct(StringComparer.Ordinal).ToList();
        return From(left, parts, days, notes, left.Reason ?? right.Reason);
    }

    /// <summary>Builds a result from its parts: numerator, denominator and value are the parts' sums and their ratio.</summary>
    internal static IndicatorResult From(IndicatorResult template, IReadOnlyList<IndicatorPart> parts, IReadOnlySet<DateOnly> dataDays,
        IReadOnlyList<string> notes, string? reasonWhenEmpty)
    {
        // One order for every producer (one gateway, merged gateways, an auditor's recomputation): sums come out the same.
        parts = parts.OrderBy(p => p.Subject, StringComparer.Ordinal).ToList();
        var numerator = parts.Sum(p => p.Numerator);
        var denominator = parts.Sum(p => p.Denominator);
        double? value = denominator > 0 ? numerator / denominator : null;
        return template with
        {
            Numerator = numerator,
            Denominator = denominator,
            Value = value,
            Reason = value is null ? reasonWhenEmpty ?? "the denominator is 0" : null,
            Parts = parts,
            DataDays = dataDays,
            Notes = notes,
            Thresholds = template.Thresholds.Select(t => new ThresholdCheck(t.Entry, value)).ToList(),
        };
    }

    private static List<IndicatorPart> MergeParts(IReadOnlyList<IndicatorPart> left, IReadOnlyList<IndicatorPart> right)
    {
        var merged = new Dictionary<string, IndicatorPart>(StringComparer.Ordinal);
        foreach (var part in left.Concat(right))
        {
            merged[part.Subject] = merged.TryGetValue(part.Subject, out var seen)
                ? new IndicatorPart(part.Subject, Math.Max(seen.Numerator, part.Numerator), Math.Max(seen.Denominator, part.Denominator))
                : part;
        }

        return merged.Values.ToList();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Id}{(Subject is null ? "" : "[" + Subject + "]")} = {Numerator:G6}/{Denominator:G6} = {(Value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "n/a")} {Unit}");
}
