using System.Globalization;

namespace EdgeAgent.Mqtt;

/// <summary>Human-readable names for the codes brokers send, so every error message says what went wrong.</summary>
public static class MqttReasonCodes
{
    /// <summary>Describes a CONNACK return code (3.1.1) or reason code (5.0).</summary>
    public static string DescribeConnect(MqttProtocolVersion version, byte code) => version == MqttProtocolVersion.V311
        ? code switch
        {
            0 => "connection accepted",
            1 => "unacceptable protocol version",
            2 => "client identifier rejected",
            3 => "server unavailable",
            4 => "bad user name or password",
            5 => "not authorised",
            _ => Unknown(code),
        }
        : Describe(code);

    /// <summary>Describes an MQTT 5.0 reason code (CONNACK, PUBACK, SUBACK, DISCONNECT share one table).</summary>
    public static string Describe(byte code) => code switch
    {
        0x00 => "success",
        0x01 => "granted QoS 1",
        0x02 => "granted QoS 2",
        0x04 => "disconnect with will message",
        0x10 => "no matching subscribers",
        0x80 => "unspecified error",
        0x81 => "malformed packet",
        0x82 => "protocol error",
        0x83 => "implementation specific error",
        0x84 => "unsupported protocol version",
        0x85 => "client identifier not valid",
        0x86 => "bad user name or password",
        0x87 => "not authorised",
        0x88 => "server unavailable",
        0x89 => "server busy",
        0x8A => "banned",
        0x8B => "server shutting down",
        0x8C => "bad authentication method",
        0x8D => "keep alive timeout",
        0x8E => "session taken over",
        0x8F => "topic filter invalid",
        0x90 => "topic name invalid",
        0x91 => "packet identifier in use",
        0x93 => "receive maximum exceeded",
        0x94 => "topic alias invalid",
        0x95 => "packet too large",
        0x96 => "message rate too high",
        0x97 => "quota exceeded",
        0x98 => "administrative action",
        0x99 => "payload format invalid",
        0x9A => "retain not supported",
        0x9B => "QoS not supported",
        0x9C => "use another server",
        0x9D => "server moved",
        0x9E => "shared subscriptions not supported",
        0x9F => "connection rate exceeded",
        0xA0 => "maximum connect time",
        0xA1 => "subscription identifiers not supported",
        0xA2 => "wildcard subscriptions not supported",
        _ => Unknown(code),
    };

    /// <summary>Describes a SUBACK code: 3.1.1 knows only 0x80 as failure, 5.0 uses the shared table.</summary>
    public static string DescribeSubscribe(MqttProtocolVersion version, byte code) =>
        version == MqttProtocolVersion.V311 && code == 0x80 ? "subscription failure" : Describe(code);

    private static string Unknown(byte code) => string.Create(CultureInfo.InvariantCulture, $"unknown code 0x{code:X2}");
}
