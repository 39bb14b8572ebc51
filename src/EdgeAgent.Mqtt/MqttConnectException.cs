namespace EdgeAgent.Mqtt;

/// <summary>The broker refused the connection (CONNACK with a failure code) or the TLS handshake failed.</summary>
public sealed class MqttConnectException : MqttException
{
    public MqttConnectException()
    {
    }

    public MqttConnectException(string message)
        : base(message)
    {
    }

    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttConnectException(string message, byte reasonCode)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The CONNACK return code (3.1.1) or reason code (5.0); null when the failure was not a CONNACK.</summary>
    public byte? ReasonCode { get; }
}
