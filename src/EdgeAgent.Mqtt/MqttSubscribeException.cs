namespace EdgeAgent.Mqtt;

/// <summary>The broker refused a subscription (SUBACK failure code).</summary>
public sealed class MqttSubscribeException : MqttException
{
    public MqttSubscribeException()
    {
    }

    public MqttSubscribeException(string message)
        : base(message)
    {
    }

    public MqttSubscribeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttSubscribeException(string message, byte reasonCode)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The SUBACK return or reason code.</summary>
    public byte? ReasonCode { get; }
}
