using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Thresholds;

/// <summary>How an indicator value is compared with a threshold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ThresholdComparison>))]
public enum ThresholdComparison
{
    /// <summary>Met when the value is at least the threshold.</summary>
    [JsonStringEnumMemberName("at-least")]
    AtLeast,

    /// <summary>Met when the value is at most the threshold.</summary>
    [JsonStringEnumMemberName("at-most")]
    AtMost,

    /// <summary>An improvement against the factory's own baseline (e.g. 产品不良率下降 5 %): not decidable from one window.</summary>
    [JsonStringEnumMemberName("reduction-vs-baseline")]
    ReductionVsBaseline,

    /// <summary>An increase against the factory's own baseline (e.g. 人均劳动生产率提升 10 %): not decidable from one window.</summary>
    [JsonStringEnumMemberName("increase-vs-baseline")]
    IncreaseVsBaseline,
}
