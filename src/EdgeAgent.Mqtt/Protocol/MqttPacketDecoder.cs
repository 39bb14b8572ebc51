using System.Globalization;

namespace EdgeAgent.Mqtt.Protocol;

/// <summary>
/// Decodes packets a broker sends to a client (MQTT 3.1.1 section 3, MQTT 5.0 section 3).
/// The only exception it throws for any input is <see cref="MqttProtocolException"/>.
/// </summary>
internal static class MqttPacketDecoder
{
    /// <summary>
    /// Reads the fixed header at the start of <paramref name="buffer"/>. Returns false when more bytes are
    /// needed. A remaining length above <paramref name="maxPacketSize"/> is refused before anything is
    /// allocated for it, which is what keeps memory bounded against a hostile peer.
    /// </summary>
    public static bool TryReadFixedHeader(ReadOnlySpan<byte> buffer, int maxPacketSize, out MqttFixedHeader header)
    {
        header = default;
        if (buffer.IsEmpty)
        {
            return false;
        }

        if (!VariableByteInteger.TryRead(buffer[1..], out var remaining, out var consumed))
        {
            return false;
        }

        header = new MqttFixedHeader(buffer[0], remaining, 1 + consumed);
        if (header.TotalLength > maxPacketSize)
        {
            throw new MqttProtocolException(string.Create(
                CultureInfo.InvariantCulture,
                $"Packet of {header.TotalLength} bytes exceeds the maximum packet size of {maxPacketSize} bytes."));
        }

        return true;
    }

    /// <summary>Decodes one complete packet: <paramref name="body"/> is exactly the remaining length.</summary>
    public static MqttPacket Decode(byte firstByte, ReadOnlySpan<byte> body, MqttProtocolVersion version)
    {
        var type = (MqttPacketType)(firstByte >> 4);
        var flags = firstByte & 0x0F;
        if (type != MqttPacketType.Publish && flags != 0)
        {
            throw new MqttProtocolException($"Malformed {type} packet: reserved fixed-header flags are 0x{flags:X1}, expected 0.");
        }

        var reader = new MqttSpanReader(body);
        MqttPacket packet = type switch
        {
            MqttPacketType.ConnAck => DecodeConnAck(ref reader, version),
            MqttPacketType.Publish => DecodePublish(ref reader, flags, version),
            MqttPacketType.PubAck => DecodePubAck(ref reader, version),
            MqttPacketType.SubAck => DecodeSubAck(ref reader, version),
            MqttPacketType.PingResp => PingRespPacket.Instance,
            MqttPacketType.Disconnect when version == MqttProtocolVersion.V500 => DecodeDisconnect(ref reader),
            _ => throw new MqttProtocolException($"Protocol error: a broker must not send packet type {(int)type} ({type}) to this client."),
        };

        if (reader.Remaining != 0)
        {
            throw new MqttProtocolException($"Malformed {type} packet: {reader.Remaining} unexpected trailing bytes.");
        }

        return packet;
    }

    private static ConnAckPacket DecodeConnAck(ref MqttSpanReader reader, MqttProtocolVersion version)
    {
        var flags = reader.ReadByte();
        if ((flags & 0xFE) != 0)
        {
            throw new MqttProtocolException("Malformed CONNACK: reserved acknowledge flags are set.");
        }

        var code = reader.ReadByte();

        // Brokers that refuse the protocol level answer in 3.1.1 format (2 bytes), so properties are optional.
        var properties = version == MqttProtocolVersion.V500 && reader.Remaining > 0
            ? ReadProperties(ref reader)
            : MqttProperties.Empty;
        return new ConnAckPacket((flags & 0x01) != 0, code, properties);
    }

    private static PublishPacket DecodePublish(ref MqttSpanReader reader, int flags, MqttProtocolVersion version)
    {
        var qos = (flags >> 1) & 0x03;
        var dup = (flags & 0x08) != 0;
        var retain = (flags & 0x01) != 0;
        if (qos == 3)
        {
            throw new MqttProtocolException("Malformed PUBLISH: QoS 3.");
        }

        if (qos == 2)
        {
            throw new MqttProtocolException("Protocol error: PUBLISH with QoS 2 although this client subscribes with at most QoS 1.");
        }

        if (qos == 0 && dup)
        {
            throw new MqttProtocolException("Malformed PUBLISH: DUP set on a QoS 0 message.");
        }

        var topic = reader.ReadString();
        ushort packetId = 0;
        if (qos > 0)
        {
            packetId = ReadPacketId(ref reader, "PUBLISH");
        }

        if (version == MqttProtocolVersion.V500)
        {
            var properties = ReadProperties(ref reader);
            if (properties.TopicAlias is not null)
            {
                throw new MqttProtocolException("Protocol error: PUBLISH uses a topic alias although this client allows none.");
            }
        }

        if (topic.Length == 0)
        {
            throw new MqttProtocolException("Protocol error: PUBLISH with an empty topic name.");
        }

        return new PublishPacket(topic, reader.ReadToEnd().ToArray(), (MqttQualityOfService)qos, retain, dup, packetId);
    }

    private static PubAckPacket DecodePubAck(ref MqttSpanReader reader, MqttProtocolVersion version)
    {
        var packetId = ReadPacketId(ref reader, "PUBACK");
        if (version == MqttProtocolVersion.V311 || reader.Remaining == 0)
        {
            return new PubAckPacket(packetId, 0, null);
        }

        var code = reader.ReadByte();
        var properties = reader.Remaining > 0 ? ReadProperties(ref reader) : MqttProperties.Empty;
        return new PubAckPacket(packetId, code, properties.ReasonString);
    }

    private static SubAckPacket DecodeSubAck(ref MqttSpanReader reader, MqttProtocolVersion version)
    {
        var packetId = ReadPacketId(ref reader, "SUBACK");
        var properties = version == MqttProtocolVersion.V500 ? ReadProperties(ref reader) : MqttProperties.Empty;
        var codes = reader.ReadToEnd();
        if (codes.IsEmpty)
        {
            throw new MqttProtocolException("Malformed SUBACK: no return codes.");
        }

        return new SubAckPacket(packetId, codes.ToArray(), properties.ReasonString);
    }

    private static DisconnectPacket DecodeDisconnect(ref MqttSpanReader reader)
    {
        if (reader.Remaining == 0)
        {
            return new DisconnectPacket(0, null);
        }

        var code = reader.ReadByte();
        var properties = reader.Remaining > 0 ? ReadProperties(ref reader) : MqttProperties.Empty;
        return new DisconnectPacket(code, properties.ReasonString);
    }

    private static ushort ReadPacketId(ref MqttSpanReader reader, string packet)
    {
        var id = reader.ReadUInt16();
        if (id == 0)
        {
            throw new MqttProtocolException($"Malformed {packet}: packet identifier 0.");
        }

        return id;
    }

    /// <summary>Reads a property list (MQTT 5.0 section 2.2.2); an unknown identifier is a malformed packet.</summary>
    internal static MqttProperties ReadProperties(ref MqttSpanReader reader)
    {
        var length = reader.ReadVariableByteInteger();
        var inner = new MqttSpanReader(reader.ReadBytes(length));
        var properties = new MqttProperties();
        while (inner.Remaining > 0)
        {
            var id = inner.ReadVariableByteInteger();
            switch (id)
            {
                case 0x11: properties.SessionExpiryInterval = inner.ReadUInt32(); break;
                case 0x12: properties.AssignedClientIdentifier = inner.ReadString(); break;
                case 0x13: properties.ServerKeepAlive = inner.ReadUInt16(); break;
                case 0x1F: properties.ReasonString = inner.ReadString(); break;
                case 0x21:
                    properties.ReceiveMaximum = inner.ReadUInt16();
                    if (properties.ReceiveMaximum == 0)
                    {
                        throw new MqttProtocolException("Protocol error: Receive Maximum of 0.");
                    }

                    break;
                case 0x23: properties.TopicAlias = inner.ReadUInt16(); break;
                case 0x24:
                    properties.MaximumQos = inner.ReadByte();
                    if (properties.MaximumQos > 1)
                    {
                        throw new MqttProtocolException("Protocol error: Maximum QoS other than 0 or 1.");
                    }

                    break;
                case 0x25: properties.RetainAvailable = ReadBoolean(ref inner, "Retain Available"); break;
                case 0x27:
                    properties.MaximumPacketSize = inner.ReadUInt32();
                    if (properties.MaximumPacketSize == 0)
                    {
                        throw new MqttProtocolException("Protocol error: Maximum Packet Size of 0.");
                    }

                    break;

                // Known properties the client does not act on: validate their encoding and skip them.
                case 0x01 or 0x17 or 0x19:
                    inner.ReadByte();
                    break;
                case 0x28 or 0x29 or 0x2A:
                    ReadBoolean(ref inner, "availability flag");
                    break;
                case 0x02 or 0x18: inner.ReadUInt32(); break;
                case 0x22: inner.ReadUInt16(); break;
                case 0x03 or 0x08 or 0x15 or 0x1A or 0x1C: inner.ReadString(); break;
                case 0x09 or 0x16: inner.ReadBinary(); break;
                case 0x0B: inner.ReadVariableByteInteger(); break;
                case 0x26:
                    inner.ReadString();
                    inner.ReadString();
                    break;
                default:
                    throw new MqttProtocolException($"Malformed packet: unknown property identifier 0x{id:X2}.");
            }
        }

        return properties;
    }

    private static bool ReadBoolean(ref MqttSpanReader reader, string name)
    {
        var value = reader.ReadByte();
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new MqttProtocolException($"Protocol error: {name} must be 0 or 1."),
        };
    }
}
