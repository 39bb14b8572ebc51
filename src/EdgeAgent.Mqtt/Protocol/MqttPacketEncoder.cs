using System.Text;

namespace EdgeAgent.Mqtt.Protocol;

/// <summary>
/// Encodes the packets a client sends. Each method sizes the packet first and writes it into one
/// exact-size array, so a packet costs one allocation and can be resent as is.
/// </summary>
internal static class MqttPacketEncoder
{
    /// <summary>Bit 3 of the first PUBLISH byte: set on every re-delivery attempt.</summary>
    public const byte DupFlag = 0x08;

    private static readonly byte[] ProtocolName = "MQTT"u8.ToArray();

    public static byte[] PingReq { get; } = [0xC0, 0x00];

    /// <summary>DISCONNECT with reason "normal disconnection"; 5.0 allows the reason byte to be omitted for 0x00.</summary>
    public static byte[] Disconnect { get; } = [0xE0, 0x00];

    public static byte[] EncodeConnect(MqttClientOptions options)
    {
        var v5 = options.ProtocolVersion == MqttProtocolVersion.V500;
        var propertiesLength = 0;
        var sessionExpiry = (uint)options.SessionExpiryInterval.TotalSeconds;
        if (v5)
        {
            propertiesLength += sessionExpiry > 0 && !options.CleanSession ? 5 : 0; // 0x11 + four byte integer
            propertiesLength += 5; // 0x27 Maximum Packet Size + four byte integer
        }

        var username = options.Username is null ? null : Encoding.UTF8.GetBytes(options.Username);
        var password = options.Password is null ? null : Encoding.UTF8.GetBytes(options.Password);
        var clientId = Encoding.UTF8.GetBytes(options.ClientId);

        var remaining = 2 + ProtocolName.Length + 1 + 1 + 2;
        if (v5)
        {
            remaining += VariableByteInteger.SizeOf(propertiesLength) + propertiesLength;
        }

        remaining += 2 + clientId.Length;
        remaining += username is null ? 0 : 2 + username.Length;
        remaining += password is null ? 0 : 2 + password.Length;
        if ((username?.Length ?? 0) > ushort.MaxValue || (password?.Length ?? 0) > ushort.MaxValue)
        {
            throw new ArgumentException("User name and password must each fit in 65535 bytes.", nameof(options));
        }

        byte flags = 0;
        flags |= username is null ? (byte)0 : (byte)0x80;
        flags |= password is null ? (byte)0 : (byte)0x40;
        flags |= options.CleanSession ? (byte)0x02 : (byte)0;

        var packet = new byte[1 + VariableByteInteger.SizeOf(remaining) + remaining];
        var writer = new MqttSpanWriter(packet);
        writer.WriteByte((byte)MqttPacketType.Connect << 4);
        writer.WriteVariableByteInteger(remaining);
        writer.WriteBinary(ProtocolName);
        writer.WriteByte((byte)options.ProtocolVersion);
        writer.WriteByte(flags);
        writer.WriteUInt16((ushort)options.KeepAlive.TotalSeconds);
        if (v5)
        {
            writer.WriteVariableByteInteger(propertiesLength);
            if (sessionExpiry > 0 && !options.CleanSession)
            {
                writer.WriteByte(0x11);
                writer.WriteUInt32(sessionExpiry);
            }

            writer.WriteByte(0x27);
            writer.WriteUInt32((uint)options.MaxIncomingPacketSize);
        }

        writer.WriteBinary(clientId);
        if (username is not null)
        {
            writer.WriteBinary(username);
        }

        if (password is not null)
        {
            writer.WriteBinary(password);
        }

        return packet;
    }

    /// <summary>Encodes a PUBLISH with DUP clear; the sender sets <see cref="DupFlag"/> in byte 0 on resends.</summary>
    public static byte[] EncodePublish(
        string topic,
        ReadOnlySpan<byte> payload,
        MqttQualityOfService qos,
        bool retain,
        ushort packetId,
        MqttProtocolVersion version)
    {
        ValidateTopicName(topic);
        var topicLength = Encoding.UTF8.GetByteCount(topic);
        var remaining = 2L + topicLength + (qos == MqttQualityOfService.AtMostOnce ? 0 : 2)
            + (version == MqttProtocolVersion.V500 ? 1 : 0) + payload.Length;
        if (remaining > VariableByteInteger.MaxValue)
        {
            throw new ArgumentException("The message is larger than MQTT allows (remaining length above 268,435,455 bytes).", nameof(payload));
        }

        var packet = new byte[1 + VariableByteInteger.SizeOf((int)remaining) + remaining];
        var writer = new MqttSpanWriter(packet);
        writer.WriteByte((byte)(((byte)MqttPacketType.Publish << 4) | ((byte)qos << 1) | (retain ? 1 : 0)));
        writer.WriteVariableByteInteger((int)remaining);
        writer.WriteString(topic);
        if (qos != MqttQualityOfService.AtMostOnce)
        {
            writer.WriteUInt16(packetId);
        }

        if (version == MqttProtocolVersion.V500)
        {
            writer.WriteVariableByteInteger(0);
        }

        writer.WriteBytes(payload);
        return packet;
    }

    public static byte[] EncodePubAck(ushort packetId)
    {
        var packet = new byte[4];
        var writer = new MqttSpanWriter(packet);
        writer.WriteByte((byte)MqttPacketType.PubAck << 4);
        writer.WriteVariableByteInteger(2);
        writer.WriteUInt16(packetId);
        return packet;
    }

    public static byte[] EncodeSubscribe(ushort packetId, string topicFilter, MqttQualityOfService maxQos, MqttProtocolVersion version)
    {
        if (string.IsNullOrEmpty(topicFilter) || topicFilter.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A topic filter must be non-empty and free of U+0000.", nameof(topicFilter));
        }

        var filterLength = Encoding.UTF8.GetByteCount(topicFilter);
        if (filterLength > ushort.MaxValue)
        {
            throw new ArgumentException("A topic filter must fit in 65535 bytes.", nameof(topicFilter));
        }

        var remaining = 2 + (version == MqttProtocolVersion.V500 ? 1 : 0) + 2 + filterLength + 1;
        var packet = new byte[1 + VariableByteInteger.SizeOf(remaining) + remaining];
        var writer = new MqttSpanWriter(packet);

        // MQTT-3.8.1-1: the SUBSCRIBE fixed header flags are 0010.
        writer.WriteByte(((byte)MqttPacketType.Subscribe << 4) | 0x02);
        writer.WriteVariableByteInteger(remaining);
        writer.WriteUInt16(packetId);
        if (version == MqttProtocolVersion.V500)
        {
            writer.WriteVariableByteInteger(0);
        }

        writer.WriteString(topicFilter);
        writer.WriteByte((byte)maxQos);
        return packet;
    }

    /// <summary>Topic names (not filters) must be non-empty UTF-8 without wildcards or U+0000, at most 65535 bytes.</summary>
    public static void ValidateTopicName(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length == 0)
        {
            throw new ArgumentException("The topic name must not be empty.", nameof(topic));
        }

        if (topic.AsSpan().IndexOfAny('+', '#', '\0') >= 0)
        {
            throw new ArgumentException($"The topic name '{topic}' contains a wildcard (+, #) or U+0000; those are only allowed in subscriptions.", nameof(topic));
        }

        if (Encoding.UTF8.GetByteCount(topic) > ushort.MaxValue)
        {
            throw new ArgumentException("The topic name must fit in 65535 bytes.", nameof(topic));
        }
    }
}
