namespace EdgeAgent.Mqtt.Protocol;

internal sealed record ConnAckPacket(bool SessionPresent, byte ReasonCode, MqttProperties Properties) : MqttPacket;
