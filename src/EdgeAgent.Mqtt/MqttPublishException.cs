namespace EdgeAgent.Mqtt;

/// <summary>The broker rejected one message (negative PUBACK in MQTT 5) or the message breaks a broker limit.</summary>
public sealed class MqttPublishException : MqttException
{
    public MqttPublishException()
    {
    }

    public MqttPublishException(string message)
        : base(message)
    {
    }

    public MqttPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttPublishException(string message, byte reasonCode)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The PUBACK reason code, when the broker sent one.</summary>
    public byte? ReasonCode { get; }
}
