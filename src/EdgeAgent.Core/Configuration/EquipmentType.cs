using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>Kind of equipment in the inventory.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EquipmentType>))]
public enum EquipmentType
{
    [JsonStringEnumMemberName("cnc")]
    Cnc,
    [JsonStringEnumMemberName("robot")]
    Robot,
    [JsonStringEnumMemberName("plc")]
    Plc,
    [JsonStringEnumMemberName("dcs")]
    Dcs,
    [JsonStringEnumMemberName("meter")]
    Meter,
    [JsonStringEnumMemberName("other")]
    Other,
}
