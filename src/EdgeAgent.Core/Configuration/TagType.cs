using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>Value type of a tag as stored on the device.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TagType>))]
public enum TagType
{
    [JsonStringEnumMemberName("bool")]
    Bool,
    [JsonStringEnumMemberName("int16")]
    Int16,
    [JsonStringEnumMemberName("uint16")]
    UInt16,
    [JsonStringEnumMemberName("int32")]
    Int32,
    [JsonStringEnumMemberName("uint32")]
    UInt32,
    [JsonStringEnumMemberName("int64")]
    Int64,
    [JsonStringEnumMemberName("uint64")]
    UInt64,
    [JsonStringEnumMemberName("float32")]
    Float32,
    [JsonStringEnumMemberName("float64")]
    Float64,
    [JsonStringEnumMemberName("string")]
    String,
}
