namespace EdgeAgent.Mqtt.Protocol;

/// <summary>DISCONNECT sent by an MQTT 5 broker, telling why it closes the connection.</summary>
internal sealed record DisconnectPacket(byte ReasonCode, string? ReasonString) : MqttPacket;
