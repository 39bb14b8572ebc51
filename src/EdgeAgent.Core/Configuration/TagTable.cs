using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>Modbus data table.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TagTable>))]
public enum TagTable
{
    [JsonStringEnumMemberName("coil")]
    Coil,
    [JsonStringEnumMemberName("discrete")]
    Discrete,
    [JsonStringEnumMemberName("holding")]
    Holding,
    [JsonStringEnumMemberName("input")]
    Input,
}
