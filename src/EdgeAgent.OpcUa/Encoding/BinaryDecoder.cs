using System.Buffers.Binary;

namespace EdgeAgent.OpcUa.Encoding;

/// <summary>
/// Reads the OPC UA binary encoding from a span. Every length is checked against <see cref="DecodingLimits"/> and
/// against the bytes actually remaining before anything is allocated, and nesting is bounded, so malformed input
/// throws <see cref="OpcUaDecodingException"/> and never allocates more than a small multiple of its own size.
/// </summary>
public ref struct BinaryDecoder
{
    private const long UaEpochTicks = 504911232000000000;
    private readonly ReadOnlySpan<byte> _data;
    private readonly DecodingLimits _limits;
    private int _position;
    private int _depth;

    /// <summary>Creates a decoder over <paramref name="data"/>.</summary>
    public BinaryDecoder(ReadOnlySpan<byte> data, DecodingLimits? limits = null)
    {
        _data = data;
        _limits = limits ?? DecodingLimits.Default;
        _position = 0;
        _depth = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>The limits in force.</summary>
    public readonly DecodingLimits Limits => _limits;

    /// <summary>Consumes <paramref name="count"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Truncated(count);
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    public bool ReadBoolean() => ReadByte() != 0;

    public sbyte ReadSByte() => unchecked((sbyte)ReadByte());

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Truncated(1);
        }

        return _data[_position++];
    }

    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));

    public string? ReadString()
    {
        var length = ReadLength(_limits.MaxStringLength, "String");
        if (length < 0)
        {
            return null;
        }

        // Invalid UTF-8 from a device becomes U+FFFD rather than failing the whole message.
        return System.Text.Encoding.UTF8.GetString(ReadBytes(length));
    }

    public DateTime ReadDateTime()
    {
        var ticks = ReadInt64();
        if (ticks <= 0)
        {
            return DateTime.MinValue;
        }

        if (ticks >= DateTime.MaxValue.Ticks - UaEpochTicks)
        {
            return DateTime.MaxValue;
        }

        return new DateTime(ticks + UaEpochTicks, DateTimeKind.Utc);
    }

    public Guid ReadGuid() => new(ReadBytes(16));

    public byte[]? ReadByteString()
    {
        var length = ReadLength(_limits.MaxByteStringLength, "ByteString");
        return length < 0 ? null : ReadBytes(length).ToArray();
    }

    /// <summary>Reads an XmlElement as text.</summary>
    public string? ReadXmlElement() => ReadString();

    public NodeId ReadNodeId()
    {
        var encoding = ReadByte();
        if ((encoding & 0xC0) != 0)
        {
            throw new OpcUaDecodingException("NodeId encoding byte has ExpandedNodeId flags.");
        }

        return ReadNodeIdBody(encoding);
    }

    public ExpandedNodeId ReadExpandedNodeId()
    {
        var encoding = ReadByte();
        var nodeId = ReadNodeIdBody((byte)(encoding & 0x3F));
        var uri = (encoding & 0x80) != 0 ? ReadString() : null;
        var server = (encoding & 0x40) != 0 ? ReadUInt32() : 0;
        return new ExpandedNodeId(nodeId, uri, server);
    }

    private NodeId ReadNodeIdBody(byte encoding)
    {
        switch (encoding)
        {
            case 0x00:
                return new NodeId(ReadByte());
            case 0x01:
                var ns = ReadByte();
                return new NodeId(ReadUInt16(), ns);
            case 0x02:
                var ns2 = ReadUInt16();
                return new NodeId(ReadUInt32(), ns2);
            case 0x03:
                var ns3 = ReadUInt16();
                return new NodeId(ReadString() ?? throw new OpcUaDecodingException("String NodeId is null."), ns3);
            case 0x04:
                var ns4 = ReadUInt16();
                return new NodeId(ReadGuid(), ns4);
            case 0x05:
                var ns5 = ReadUInt16();
                var length = ReadLength(_limits.MaxByteStringLength, "ByteString");
                return new NodeId(length < 0 ? [] : ReadBytes(length), ns5);
            default:
                throw new OpcUaDecodingException($"Invalid NodeId encoding 0x{encoding:X2}.");
        }
    }

    public StatusCode ReadStatusCode() => new(ReadUInt32());

    public QualifiedName ReadQualifiedName()
    {
        var ns = ReadUInt16();
        return new QualifiedName(ns, ReadString());
    }

    public LocalizedText ReadLocalizedText()
    {
        var mask = ReadByte();
        if ((mask & 0xFC) != 0)
        {
            throw new OpcUaDecodingException($"Invalid LocalizedText mask 0x{mask:X2}.");
        }

        var locale = (mask & 0x01) != 0 ? ReadString() : null;
        var text = (mask & 0x02) != 0 ? ReadString() : null;
        return new LocalizedText(locale, text);
    }

    public ExtensionObject ReadExtensionObject()
    {
        var typeId = ReadNodeId();
        var encoding = ReadByte();
        switch (encoding)
        {
            case 0:
                return typeId.IsNull ? ExtensionObject.Empty : new ExtensionObject(typeId, ExtensionObjectEncoding.None, null);
            case 1:
            case 2:
                var body = ReadByteString();
                return new ExtensionObject(typeId, (ExtensionObjectEncoding)encoding, body);
            default:
                throw new OpcUaDecodingException($"Invalid ExtensionObject encoding 0x{encoding:X2}.");
        }
    }

    public DataValue ReadDataValue()
    {
        Enter();
        var mask = ReadByte();
        if ((mask & 0xC0) != 0)
        {
            throw new OpcUaDecodingException($"Invalid DataValue mask 0x{mask:X2}.");
        }

        var value = (mask & 0x01) != 0 ? ReadVariant() : Variant.Null;
        var status = (mask & 0x02) != 0 ? ReadStatusCode() : StatusCode.Good;
        DateTime? sourceTimestamp = (mask & 0x04) != 0 ? ReadDateTime() : null;
        var sourcePico = (mask & 0x10) != 0 ? ReadUInt16() : (ushort)0;
        DateTime? serverTimestamp = (mask & 0x08) != 0 ? ReadDateTime() : null;
        var serverPico = (mask & 0x20) != 0 ? ReadUInt16() : (ushort)0;
        Leave();
        return new DataValue(value, status, sourceTimestamp, serverTimestamp)
        {
            SourcePicoseconds = sourcePico,
            ServerPicoseconds = serverPico,
        };
    }

    public Variant ReadVariant()
    {
        Enter();
        var mask = ReadByte();
        var typeId = mask & 0x3F;
        if (typeId > (int)BuiltInType.DiagnosticInfo)
        {
            throw new OpcUaDecodingException($"Invalid Variant type {typeId}.");
        }

        var type = (BuiltInType)typeId;
        Variant result;
        if ((mask & 0x80) == 0)
        {
            if ((mask & 0x40) != 0)
            {
                throw new OpcUaDecodingException("Variant has ArrayDimensions but no array.");
            }

            if (type == BuiltInType.Variant)
            {
                throw new OpcUaDecodingException("Variant contains a scalar Variant.");
            }

            result = type == BuiltInType.Null ? Variant.Null : new Variant(type, ReadScalar(type));
        }
        else
        {
            var array = ReadTypedArray(type);
            int[]? dims = null;
            if ((mask & 0x40) != 0)
            {
                dims = ReadDimensions(array?.Length ?? 0);
            }

            result = new Variant(type, array, isArray: true, dims);
        }

        Leave();
        return result;
    }

    private int[] ReadDimensions(int arrayLength)
    {
        var count = ReadLength(_limits.MaxArrayLength, "ArrayDimensions");
        if (count < 1)
        {
            throw new OpcUaDecodingException("Multi-dimensional array without dimensions.");
        }

        var dims = new int[count];
        var product = 1L;
        for (var i = 0; i < count; i++)
        {
            dims[i] = ReadInt32();
            if (dims[i] < 0)
            {
                throw new OpcUaDecodingException("Negative array dimension.");
            }

            product = Math.Min(product * dims[i], int.MaxValue + 1L);
        }

        if (product != arrayLength)
        {
            throw new OpcUaDecodingException($"Array dimensions multiply to {product} but the array has {arrayLength} elements.");
        }

        return dims;
    }

    private Array? ReadTypedArray(BuiltInType type)
    {
        var length = ReadLength(_limits.MaxArrayLength, "Array");
        if (length < 0)
        {
            return null;
        }

        switch (type)
        {
            case BuiltInType.Boolean: return Fill<bool>(length, static (ref BinaryDecoder d) => d.ReadBoolean());
            case BuiltInType.SByte: return Fill<sbyte>(length, static (ref BinaryDecoder d) => d.ReadSByte());
            case BuiltInType.Byte: return ReadBytes(length).ToArray();
            case BuiltInType.Int16: return Fill<short>(length, static (ref BinaryDecoder d) => d.ReadInt16());
            case BuiltInType.UInt16: return Fill<ushort>(length, static (ref BinaryDecoder d) => d.ReadUInt16());
            case BuiltInType.Int32: return Fill<int>(length, static (ref BinaryDecoder d) => d.ReadInt32());
            case BuiltInType.UInt32: return Fill<uint>(length, static (ref BinaryDecoder d) => d.ReadUInt32());
            case BuiltInType.Int64: return Fill<long>(length, static (ref BinaryDecoder d) => d.ReadInt64());
            case BuiltInType.UInt64: return Fill<ulong>(length, static (ref BinaryDecoder d) => d.ReadUInt64());
            case BuiltInType.Float: return Fill<float>(length, static (ref BinaryDecoder d) => d.ReadFloat());
            case BuiltInType.Double: return Fill<double>(length, static (ref BinaryDecoder d) => d.ReadDouble());
            case BuiltInType.String: return Fill<string?>(length, static (ref BinaryDecoder d) => d.ReadString());
            case BuiltInType.DateTime: return Fill<DateTime>(length, static (ref BinaryDecoder d) => d.ReadDateTime());
            case BuiltInType.Guid: return Fill<Guid>(length, static (ref BinaryDecoder d) => d.ReadGuid());
            case BuiltInType.ByteString: return Fill<byte[]?>(length, static (ref BinaryDecoder d) => d.ReadByteString());
            case BuiltInType.XmlElement: return Fill<string?>(length, static (ref BinaryDecoder d) => d.ReadXmlElement());
            case BuiltInType.NodeId: return Fill<NodeId>(length, static (ref BinaryDecoder d) => d.ReadNodeId());
            case BuiltInType.ExpandedNodeId: return Fill<ExpandedNodeId>(length, static (ref BinaryDecoder d) => d.ReadExpandedNodeId());
            case BuiltInType.StatusCode: return Fill<StatusCode>(length, static (ref BinaryDecoder d) => d.ReadStatusCode());
            case BuiltInType.QualifiedName: return Fill<QualifiedName>(length, static (ref BinaryDecoder d) => d.ReadQualifiedName());
            case BuiltInType.LocalizedText: return Fill<LocalizedText>(length, static (ref BinaryDecoder d) => d.ReadLocalizedText());
            case BuiltInType.ExtensionObject: return Fill<ExtensionObject>(length, static (ref BinaryDecoder d) => d.ReadExtensionObject());
            case BuiltInType.DataValue: return Fill<DataValue>(length, static (ref BinaryDecoder d) => d.ReadDataValue());
            case BuiltInType.Variant: return Fill<Variant>(length, static (ref BinaryDecoder d) => d.ReadVariant());
            case BuiltInType.DiagnosticInfo: return Fill<DiagnosticInfo?>(length, static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
            default:
                if (length != 0)
                {
                    throw new OpcUaDecodingException("Array of Null elements.");
                }

                return Array.Empty<object>();
        }
    }

    private T[] Fill<T>(int length, DecodeFunc<T> read)
    {
        var items = new T[length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(ref this);
        }

        return items;
    }

    private object? ReadScalar(BuiltInType type) => type switch
    {
        BuiltInType.Boolean => ReadBoolean(),
        BuiltInType.SByte => ReadSByte(),
        BuiltInType.Byte => ReadByte(),
        BuiltInType.Int16 => ReadInt16(),
        BuiltInType.UInt16 => ReadUInt16(),
        BuiltInType.Int32 => ReadInt32(),
        BuiltInType.UInt32 => ReadUInt32(),
        BuiltInType.Int64 => ReadInt64(),
        BuiltInType.UInt64 => ReadUInt64(),
        BuiltInType.Float => ReadFloat(),
        BuiltInType.Double => ReadDouble(),
        BuiltInType.String => ReadString(),
        BuiltInType.DateTime => ReadDateTime(),
        BuiltInType.Guid => ReadGuid(),
        BuiltInType.ByteString => ReadByteString(),
        BuiltInType.XmlElement => ReadXmlElement(),
        BuiltInType.NodeId => ReadNodeId(),
        BuiltInType.ExpandedNodeId => ReadExpandedNodeId(),
        BuiltInType.StatusCode => ReadStatusCode(),
        BuiltInType.QualifiedName => ReadQualifiedName(),
        BuiltInType.LocalizedText => ReadLocalizedText(),
        BuiltInType.ExtensionObject => ReadExtensionObject(),
        BuiltInType.DataValue => ReadDataValue(),
        BuiltInType.DiagnosticInfo => ReadDiagnosticInfo(),
        _ => throw new OpcUaDecodingException($"Invalid Variant type {type}."),
    };

    public DiagnosticInfo? ReadDiagnosticInfo()
    {
        Enter();
        var mask = ReadByte();
        if (mask == 0)
        {
            Leave();
            return null;
        }

        if ((mask & 0x80) != 0)
        {
            throw new OpcUaDecodingException($"Invalid DiagnosticInfo mask 0x{mask:X2}.");
        }

        var info = new DiagnosticInfo
        {
            SymbolicId = (mask & 0x01) != 0 ? ReadInt32() : null,
            NamespaceUri = (mask & 0x02) != 0 ? ReadInt32() : null,
            Locale = (mask & 0x08) != 0 ? ReadInt32() : null,
            LocalizedText = (mask & 0x04) != 0 ? ReadInt32() : null,
            AdditionalInfo = (mask & 0x10) != 0 ? ReadString() : null,
            InnerStatusCode = (mask & 0x20) != 0 ? ReadStatusCode() : null,
            InnerDiagnosticInfo = (mask & 0x40) != 0 ? ReadDiagnosticInfo() : null,
        };
        Leave();
        return info;
    }

    /// <summary>Reads an Int32-prefixed array; null when the length is -1.</summary>
    public T[]? ReadArray<T>(DecodeFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var length = ReadArrayLength();
        if (length < 0)
        {
            return null;
        }

        Enter();
        var items = Fill(length, read);
        Leave();
        return items;
    }

    /// <summary>Reads an Int32-prefixed array, treating null as empty.</summary>
    public T[] ReadArrayOrEmpty<T>(DecodeFunc<T> read) => ReadArray(read) ?? [];

    /// <summary>
    /// Reads an array's length (-1 for a null array) with the checks every array read gets: within
    /// <see cref="DecodingLimits.MaxArrayLength"/>, and no longer than the bytes left. For callers that read the elements
    /// themselves.
    /// </summary>
    public int ReadArrayLength(string what = "Array") => ReadLength(_limits.MaxArrayLength, what);

    /// <summary>Counts a level of structure nesting; throws past <see cref="DecodingLimits.MaxNestingDepth"/>.</summary>
    public void Enter()
    {
        if (++_depth > _limits.MaxNestingDepth)
        {
            throw new OpcUaDecodingException(StatusCodes.BadEncodingLimitsExceeded, $"Nesting deeper than {_limits.MaxNestingDepth}.");
        }
    }

    /// <summary>Leaves a level of nesting.</summary>
    public void Leave() => _depth--;

    private int ReadLength(int max, string what)
    {
        var length = ReadInt32();
        if (length < -1)
        {
            // Any negative length means null (Part 6 §5.2.2.4 says -1, some servers send other negatives).
            return -1;
        }

        if (length > max)
        {
            throw new OpcUaDecodingException(StatusCodes.BadEncodingLimitsExceeded, $"{what} length {length} exceeds the limit {max}.");
        }

        // Every element takes at least one byte, so a length beyond what remains is malformed: refuse before allocating.
        if (length > Remaining)
        {
            throw new OpcUaDecodingException($"{what} length {length} exceeds the {Remaining} bytes remaining.");
        }

        return length;
    }

    private readonly OpcUaDecodingException Truncated(int wanted) =>
        new($"Message truncated: needed {wanted} bytes at offset {_position}, {Remaining} left.");
}
