using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>Declared control system of a piece of equipment (for the key-process CNC rate 关键工序数控化率).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ControlSystem>))]
public enum ControlSystem
{
    [JsonStringEnumMemberName("none")]
    None,
    [JsonStringEnumMemberName("cnc")]
    Cnc,
    [JsonStringEnumMemberName("plc")]
    Plc,
    [JsonStringEnumMemberName("dcs")]
    Dcs,
    [JsonStringEnumMemberName("other")]
    Other,
}
