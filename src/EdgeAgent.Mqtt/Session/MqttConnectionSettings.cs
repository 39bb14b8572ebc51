namespace EdgeAgent.Mqtt.Session;

/// <summary>What was agreed with the broker in CONNECT/CONNACK for one network connection.</summary>
internal sealed record MqttConnectionSettings(
    MqttProtocolVersion Version,
    TimeSpan KeepAlive,
    int Window,
    int Generation,
    string Host,
    int Port);
