namespace EdgeAgent.Mqtt.Protocol;

/// <summary>A decoded control packet received from the broker.</summary>
internal abstract record MqttPacket;
