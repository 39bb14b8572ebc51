using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>MQTT protocol version of the publishing client; the values are the protocol levels sent in CONNECT.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PublishingMqttVersion>))]
public enum PublishingMqttVersion
{
    [JsonStringEnumMemberName("3.1.1")]
    V311 = 4,
    [JsonStringEnumMemberName("5.0")]
    V500 = 5,
}
