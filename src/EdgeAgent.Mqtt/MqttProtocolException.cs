namespace EdgeAgent.Mqtt;

/// <summary>
/// The peer sent bytes that are not a valid MQTT packet (malformed packet or protocol error).
/// The connection is dropped and re-established; the process never crashes on broker input.
/// </summary>
public sealed class MqttProtocolException : MqttException
{
    public MqttProtocolException()
    {
    }

    public MqttProtocolException(string message)
        : base(message)
    {
    }

    public MqttProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
