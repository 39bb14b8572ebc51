using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>Protocol a source speaks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceProtocol>))]
public enum SourceProtocol
{
    [JsonStringEnumMemberName("modbus-tcp")]
    ModbusTcp,
    [JsonStringEnumMemberName("opc-ua")]
    OpcUa,
}
