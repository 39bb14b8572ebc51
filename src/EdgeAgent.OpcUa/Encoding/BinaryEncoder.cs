using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace EdgeAgent.OpcUa.Encoding;

/// <summary>
/// Writes the OPC UA binary encoding (Part 6 §5.2) into a growable buffer rented from <see cref="ArrayPool{T}"/>.
/// Dispose returns the buffer; <see cref="WrittenSpan"/> is valid until then.
/// </summary>
public sealed class BinaryEncoder : IDisposable
{
    private const long UaEpochTicks = 504911232000000000; // 1601-01-01T00:00:00Z in .NET ticks
    private byte[] _buffer;
    private int _position;

    /// <summary>Creates an encoder with an initial capacity.</summary>
    public BinaryEncoder(int initialCapacity = 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 64));
    }

    /// <summary>The number of bytes written.</summary>
    public int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    /// <summary>The bytes written so far, as memory.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _position);

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Reset() => _position = 0;

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _position = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reserves <paramref name="count"/> bytes and returns them for the caller to fill.</summary>
    public Span<byte> GetSpan(int count)
    {
        Ensure(count);
        var span = _buffer.AsSpan(_position, count);
        _position += count;
        return span;
    }

    /// <summary>Overwrites a UInt32 already written at <paramref name="offset"/> (used for length fields).</summary>
    public void PatchUInt32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(offset, 4), value);

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteSByte(sbyte value) => WriteByte(unchecked((byte)value));

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(GetSpan(2), value);

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(GetSpan(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(GetSpan(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(GetSpan(8), value);

    public void WriteFloat(float value) => BinaryPrimitives.WriteSingleLittleEndian(GetSpan(4), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(GetSpan(8), value);

    /// <summary>Writes a UTF-8 string with an Int32 length; null is length -1.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        var count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteInt32(count);
        System.Text.Encoding.UTF8.GetBytes(value, GetSpan(count));
    }

    /// <summary>Writes 100 ns intervals since 1601-01-01 UTC; values before 1601 encode as 0, <see cref="DateTime.MaxValue"/> as Int64.MaxValue.</summary>
    public void WriteDateTime(DateTime value)
    {
        if (value == DateTime.MaxValue)
        {
            WriteInt64(long.MaxValue);
            return;
        }

        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        WriteInt64(utc.Ticks < UaEpochTicks ? 0 : utc.Ticks - UaEpochTicks);
    }

    public void WriteGuid(Guid value)
    {
        // Data1..Data3 little-endian then Data4 as bytes: the same layout as Guid's little-endian form.
        value.TryWriteBytes(GetSpan(16));
    }

    /// <summary>Writes a ByteString; null is length -1.</summary>
    public void WriteByteString(byte[]? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        WriteByteString(value.AsSpan());
    }

    /// <summary>Writes a non-null ByteString.</summary>
    public void WriteByteString(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        value.CopyTo(GetSpan(value.Length));
    }

    /// <summary>Writes an XmlElement (UTF-8 text as a ByteString).</summary>
    public void WriteXmlElement(string? value) => WriteString(value);

    public void WriteNodeId(NodeId? value) => WriteNodeIdCore(value ?? NodeId.Null, 0);

    public void WriteExpandedNodeId(ExpandedNodeId? value)
    {
        if (value is null)
        {
            WriteNodeId(NodeId.Null);
            return;
        }

        byte flags = 0;
        if (value.NamespaceUri is not null)
        {
            flags |= 0x80;
        }

        if (value.ServerIndex != 0)
        {
            flags |= 0x40;
        }

        WriteNodeIdCore(value.NodeId, flags);
        if (value.NamespaceUri is not null)
        {
            WriteString(value.NamespaceUri);
        }

        if (value.ServerIndex != 0)
        {
            WriteUInt32(value.ServerIndex);
        }
    }

    private void WriteNodeIdCore(NodeId value, byte flags)
    {
        var ns = value.NamespaceIndex;
        switch (value.IdType)
        {
            case IdType.Numeric:
                var id = value.NumericId;
                if (ns == 0 && id <= byte.MaxValue)
                {
                    WriteByte((byte)(0x00 | flags));
                    WriteByte((byte)id);
                }
                else if (ns <= byte.MaxValue && id <= ushort.MaxValue)
                {
                    WriteByte((byte)(0x01 | flags));
                    WriteByte((byte)ns);
                    WriteUInt16((ushort)id);
                }
                else
                {
                    WriteByte((byte)(0x02 | flags));
                    WriteUInt16(ns);
                    WriteUInt32(id);
                }

                break;
            case IdType.String:
                WriteByte((byte)(0x03 | flags));
                WriteUInt16(ns);
                WriteString(value.StringId);
                break;
            case IdType.Guid:
                WriteByte((byte)(0x04 | flags));
                WriteUInt16(ns);
                WriteGuid(value.GuidId);
                break;
            default:
                WriteByte((byte)(0x05 | flags));
                WriteUInt16(ns);
                WriteByteString(value.OpaqueId);
                break;
        }
    }

    public void WriteStatusCode(StatusCode value) => WriteUInt32(value.Code);

    public void WriteQualifiedName(QualifiedName value)
    {
        WriteUInt16(value.NamespaceIndex);
        WriteString(value.Name);
    }

    public void WriteLocalizedText(LocalizedText? value)
    {
        byte mask = 0;
        if (value?.Locale is not null)
        {
            mask |= 0x01;
        }

        if (value?.Text is not null)
        {
            mask |= 0x02;
        }

        WriteByte(mask);
        if ((mask & 0x01) != 0)
        {
            WriteString(value!.Locale);
        }

        if ((mask & 0x02) != 0)
        {
            WriteString(value!.Text);
        }
    }

    public void WriteExtensionObject(ExtensionObject? value)
    {
        value ??= ExtensionObject.Empty;
        WriteNodeId(value.TypeId);
        if (value.Encoding == ExtensionObjectEncoding.None || value.Body is null)
        {
            WriteByte(0);
            return;
        }

        WriteByte((byte)value.Encoding);
        WriteByteString(value.Body);
    }

    /// <summary>Writes an ExtensionObject whose binary body is produced by <paramref name="writeBody"/> (no intermediate copy).</summary>
    public void WriteExtensionObject(NodeId typeId, Action<BinaryEncoder> writeBody)
    {
        ArgumentNullException.ThrowIfNull(writeBody);
        WriteNodeId(typeId);
        WriteByte((byte)ExtensionObjectEncoding.Binary);
        var lengthAt = _position;
        WriteInt32(0);
        writeBody(this);
        PatchUInt32(lengthAt, (uint)(_position - lengthAt - 4));
    }

    public void WriteDataValue(DataValue? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        byte mask = 0;
        if (!value.Value.IsNull)
        {
            mask |= 0x01;
        }

        if (value.Status.Code != 0)
        {
            mask |= 0x02;
        }

        if (value.SourceTimestamp is not null)
        {
            mask |= 0x04;
        }

        if (value.ServerTimestamp is not null)
        {
            mask |= 0x08;
        }

        if (value.SourcePicoseconds != 0)
        {
            mask |= 0x10;
        }

        if (value.ServerPicoseconds != 0)
        {
            mask |= 0x20;
        }

        WriteByte(mask);
        if ((mask & 0x01) != 0)
        {
            WriteVariant(value.Value);
        }

        if ((mask & 0x02) != 0)
        {
            WriteStatusCode(value.Status);
        }

        if ((mask & 0x04) != 0)
        {
            WriteDateTime(value.SourceTimestamp!.Value);
        }

        if ((mask & 0x10) != 0)
        {
            WriteUInt16(value.SourcePicoseconds);
        }

        if ((mask & 0x08) != 0)
        {
            WriteDateTime(value.ServerTimestamp!.Value);
        }

        if ((mask & 0x20) != 0)
        {
            WriteUInt16(value.ServerPicoseconds);
        }
    }

    public void WriteVariant(Variant value)
    {
        if (value.IsNull)
        {
            WriteByte(0);
            return;
        }

        var type = value.Type;
        if (!value.IsArray)
        {
            if (type == BuiltInType.Variant)
            {
                throw new ArgumentException("A Variant cannot contain a scalar Variant.", nameof(value));
            }

            WriteByte((byte)type);
            WriteScalar(type, value.Value);
            return;
        }

        var dims = value.ArrayDimensions;
        WriteByte((byte)((byte)type | 0x80 | (dims is not null ? 0x40 : 0)));
        if (value.Value is not Array array)
        {
            WriteInt32(-1);
        }
        else
        {
            if (dims is not null)
            {
                var product = 1L;
                foreach (var d in dims)
                {
                    product *= d;
                }

                if (product != array.Length)
                {
                    throw new ArgumentException("ArrayDimensions do not match the array length.", nameof(value));
                }
            }

            WriteInt32(array.Length);
            foreach (var item in array)
            {
                WriteScalar(type, item);
            }
        }

        if (dims is not null)
        {
            WriteInt32(dims.Count);
            foreach (var d in dims)
            {
                WriteInt32(d);
            }
        }
    }

    private void WriteScalar(BuiltInType type, object? value)
    {
        switch (type)
        {
            case BuiltInType.Boolean: WriteBoolean((bool)value!); break;
            case BuiltInType.SByte: WriteSByte((sbyte)value!); break;
            case BuiltInType.Byte: WriteByte((byte)value!); break;
            case BuiltInType.Int16: WriteInt16((short)value!); break;
            case BuiltInType.UInt16: WriteUInt16((ushort)value!); break;
            case BuiltInType.Int32: WriteInt32((int)value!); break;
            case BuiltInType.UInt32: WriteUInt32((uint)value!); break;
            case BuiltInType.Int64: WriteInt64((long)value!); break;
            case BuiltInType.UInt64: WriteUInt64((ulong)value!); break;
            case BuiltInType.Float: WriteFloat((float)value!); break;
            case BuiltInType.Double: WriteDouble((double)value!); break;
            case BuiltInType.String: WriteString((string?)value); break;
            case BuiltInType.DateTime: WriteDateTime((DateTime)value!); break;
            case BuiltInType.Guid: WriteGuid((Guid)value!); break;
            case BuiltInType.ByteString: WriteByteString((byte[]?)value); break;
            case BuiltInType.XmlElement: WriteXmlElement((string?)value); break;
            case BuiltInType.NodeId: WriteNodeId((NodeId?)value); break;
            case BuiltInType.ExpandedNodeId: WriteExpandedNodeId((ExpandedNodeId?)value); break;
            case BuiltInType.StatusCode: WriteStatusCode((StatusCode)value!); break;
            case BuiltInType.QualifiedName: WriteQualifiedName((QualifiedName)value!); break;
            case BuiltInType.LocalizedText: WriteLocalizedText((LocalizedText?)value); break;
            case BuiltInType.ExtensionObject: WriteExtensionObject((ExtensionObject?)value); break;
            case BuiltInType.DataValue: WriteDataValue((DataValue?)value); break;
            case BuiltInType.Variant: WriteVariant(value is Variant v ? v : Variant.Null); break;
            case BuiltInType.DiagnosticInfo: WriteDiagnosticInfo((DiagnosticInfo?)value); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "Not a built-in type.");
        }
    }

    public void WriteDiagnosticInfo(DiagnosticInfo? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        byte mask = 0;
        mask |= value.SymbolicId is null ? (byte)0 : (byte)0x01;
        mask |= value.NamespaceUri is null ? (byte)0 : (byte)0x02;
        mask |= value.LocalizedText is null ? (byte)0 : (byte)0x04;
        mask |= value.Locale is null ? (byte)0 : (byte)0x08;
        mask |= value.AdditionalInfo is null ? (byte)0 : (byte)0x10;
        mask |= value.InnerStatusCode is null ? (byte)0 : (byte)0x20;
        mask |= value.InnerDiagnosticInfo is null ? (byte)0 : (byte)0x40;
        WriteByte(mask);
        if (value.SymbolicId is { } symbolicId)
        {
            WriteInt32(symbolicId);
        }

        if (value.NamespaceUri is { } namespaceUri)
        {
            WriteInt32(namespaceUri);
        }

        if (value.Locale is { } locale)
        {
            WriteInt32(locale);
        }

        if (value.LocalizedText is { } localizedText)
        {
            WriteInt32(localizedText);
        }

        if (value.AdditionalInfo is not null)
        {
            WriteString(value.AdditionalInfo);
        }

        if (value.InnerStatusCode is { } inner)
        {
            WriteStatusCode(inner);
        }

        if (value.InnerDiagnosticInfo is not null)
        {
            WriteDiagnosticInfo(value.InnerDiagnosticInfo);
        }
    }

    /// <summary>Writes an array with an Int32 length prefix (-1 for null).</summary>
    public void WriteArray<T>(IReadOnlyList<T>? items, Action<BinaryEncoder, T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writeItem);
        if (items is null)
        {
            WriteInt32(-1);
            return;
        }

        WriteInt32(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            writeItem(this, items[i]);
        }
    }

    private void Ensure(int count)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);

        if (_position + count <= _buffer.Length)
        {
            return;
        }

        var size = Math.Max(_buffer.Length * 2, _position + count);
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _position).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
