using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>Byte order inside a 16-bit register, or word order across registers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Endianness>))]
public enum Endianness
{
    [JsonStringEnumMemberName("big")]
    Big,
    [JsonStringEnumMemberName("little")]
    Little,
}
