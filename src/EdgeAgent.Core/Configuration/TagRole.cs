using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>What a tag means to the indicators.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TagRole>))]
public enum TagRole
{
    /// <summary>A plain measurement.</summary>
    [JsonStringEnumMemberName("value")]
    Value,

    /// <summary>Run state: a code mapped to run/idle/down/off by the equipment's state map.</summary>
    [JsonStringEnumMemberName("run-state")]
    RunState,

    /// <summary>Cumulative count of good parts.</summary>
    [JsonStringEnumMemberName("part-counter-good")]
    PartCounterGood,

    /// <summary>Cumulative count of bad (defective) parts.</summary>
    [JsonStringEnumMemberName("part-counter-bad")]
    PartCounterBad,

    /// <summary>Cumulative count of all parts (good + bad).</summary>
    [JsonStringEnumMemberName("part-counter-total")]
    PartCounterTotal,

    /// <summary>Cumulative electricity in kWh.</summary>
    [JsonStringEnumMemberName("energy-kwh")]
    EnergyKwh,

    /// <summary>Cumulative natural gas in m³.</summary>
    [JsonStringEnumMemberName("gas-m3")]
    GasM3,

    /// <summary>Cumulative water in m³.</summary>
    [JsonStringEnumMemberName("water-m3")]
    WaterM3,

    /// <summary>Cumulative steam in tonnes.</summary>
    [JsonStringEnumMemberName("steam-tonnes")]
    SteamTonnes,
}
