using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Indicators;

/// <summary>Every indicator of one site (or of several gateways merged) over one window.</summary>
public sealed record IndicatorReport
{
    /// <summary>JSON options of the external shape: camelCase, enums as strings, nulls written (a null value means "no value").</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Plant id (<c>$.site.id</c>).</summary>
    public required string Site { get; init; }

    /// <summary>GB/T 4754-2017 industry code the thresholds were selected for.</summary>
    public required string Industry { get; init; }

    /// <summary>The gateways whose data this report holds.</summary>
    public required IReadOnlyList<string> Agents { get; init; }

    public required IndicatorWindow Window { get; init; }

    /// <summary>Days with any collected data ÷ days in the window.</summary>
    public double Coverage => Window.Days == 0 ? 0 : (double)DataDays.Count / Window.Days;

    /// <summary>The window spans fewer than 90 days.</summary>
    public bool Short => Window.IsShort;

    /// <summary>Plain sentences about the whole report (short window, days without data).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required IReadOnlyList<IndicatorResult> Results { get; init; }

    /// <summary>Days of the window with any collected data.</summary>
    [JsonIgnore]
    public IReadOnlySet<DateOnly> DataDays { get; init; } = new HashSet<DateOnly>();

    /// <summary>The result of an indicator for the plant (no subject), or null.</summary>
    public IndicatorResult? this[string id] =>
        Results.FirstOrDefault(r => r.Subject is null && string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>The result of an indicator for one subject (equipment), or null.</summary>
    public IndicatorResult? Find(string id, string? subject) =>
        Results.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal) && string.Equals(r.Subject, subject, StringComparison.Ordinal));

    /// <summary>
    /// Combines the reports of two gateways of one plant over the same window: results with the same id and subject
    /// are added (<see cref="IndicatorResult.Add"/>), the others are kept as they are.
    /// </summary>
    public static IndicatorReport Merge(IndicatorReport left, IndicatorReport right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Window != right.Window)
        {
            throw new ArgumentException($"cannot merge a report of {right.Window} into one of {left.Window}", nameof(right));
        }

        var results = new List<IndicatorResult>(left.Results);
        foreach (var result in right.Results)
        {
            var index = results.FindIndex(r => string.Equals(r.Id, result.Id, StringComparison.Ordinal) && string.Equals(r.Subject, result.Subject, StringComparison.Ordinal));
            if (index >= 0)
            {
                results[index] = IndicatorResult.Add(results[index], result);
            }
            else
            {
                results.Add(result);
            }
        }

        var days = new HashSet<DateOnly>(left.DataDays);
        days.UnionWith(right.DataDays);
        return left with
        {
            Agents = left.Agents.Concat(right.Agents).Distinct(StringComparer.Ordinal).ToList(),
            Results = results,
            DataDays = days,
            Notes = left.Notes.Concat(right.Notes).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The report in its external JSON shape (see docs/indicators.md).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
