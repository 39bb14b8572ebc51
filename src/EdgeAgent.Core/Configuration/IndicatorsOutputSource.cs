using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>Where output value and output units come from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorsOutputSource>))]
public enum IndicatorsOutputSource
{
    /// <summary>Good parts of the equipment marked <c>countsOutput</c>, valued at their configured unit price.</summary>
    [JsonStringEnumMemberName("counters")]
    Counters,

    /// <summary>Output facts entered per period (value in CNY and units), e.g. from the ERP or the monthly statistics report.</summary>
    [JsonStringEnumMemberName("facts")]
    Facts,
}
