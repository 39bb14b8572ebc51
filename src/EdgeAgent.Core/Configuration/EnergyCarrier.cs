using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>An energy carrier (能源品种) or energy-consuming working medium (耗能工质) the rollups measure.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnergyCarrier>))]
public enum EnergyCarrier
{
    /// <summary>Electricity, kWh.</summary>
    [JsonStringEnumMemberName("electricity")]
    Electricity,

    /// <summary>Natural gas, m³.</summary>
    [JsonStringEnumMemberName("natural-gas")]
    NaturalGas,

    /// <summary>Steam, t.</summary>
    [JsonStringEnumMemberName("steam")]
    Steam,

    /// <summary>Fresh water (新水), t = m³.</summary>
    [JsonStringEnumMemberName("water")]
    Water,
}
