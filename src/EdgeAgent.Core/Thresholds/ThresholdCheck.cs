using System.Text.Json.Serialization;
using EdgeAgent.Core.Indicators;

namespace EdgeAgent.Core.Thresholds;

/// <summary>A threshold that applies to an indicator result, and whether the result meets it.</summary>
public sealed record ThresholdCheck
{
    public ThresholdCheck(ThresholdEntry entry, double? value)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Entry = entry;
        Met = entry.IsMetBy(value);
    }

    /// <summary>The threshold.</summary>
    [JsonIgnore]
    public ThresholdEntry Entry { get; }

    public string Programme => Entry.Programme;

    public LocalizedText ProgrammeName => Entry.ProgrammeName;

    public string Document => Entry.Document;

    public string Table => Entry.Table;

    public string Level => Entry.Level;

    public LocalizedText IndustryGroup => Entry.IndustryGroup;

    public string IndustryText => Entry.IndustryText;

    public double Value => Entry.Value;

    public ThresholdComparison Comparison => Entry.Comparison;

    /// <summary>True or false when decidable; null when the result has no value or the threshold needs a baseline.</summary>
    public bool? Met { get; }

    public string? Note => Entry.Note;
}
