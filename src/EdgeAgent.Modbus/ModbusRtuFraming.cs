using System.Buffers.Binary;
using System.Globalization;

namespace EdgeAgent.Modbus;

/// <summary>
/// RTU frames (MODBUS over Serial Line V1.02, section 2.5.1: address + PDU + CRC-16, CRC low byte first) for the four
/// read function codes, as carried over TCP by serial converters.
/// </summary>
internal static class ModbusRtuFraming
{
    /// <summary>Unit id + function code + address (2) + quantity (2) + CRC (2).</summary>
    public const int ReadRequestLength = 8;

    /// <summary>Unit id + function code + byte count (or exception code): enough to know the rest of a response.</summary>
    public const int ResponsePrefixLength = 3;

    private static readonly ushort[] CrcTable = BuildCrcTable();

    /// <summary>CRC-16/MODBUS (reflected polynomial 0xA001, initial value 0xFFFF).</summary>
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc = (ushort)((crc >> 8) ^ CrcTable[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    public static int WriteReadRequest(Span<byte> destination, byte unitId, byte functionCode, ushort startAddress, ushort count)
    {
        destination[0] = unitId;
        destination[1] = functionCode;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], startAddress);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], count);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], Crc16(destination[..6]));
        return ReadRequestLength;
    }

    /// <summary>
    /// Total length of the response that starts with <paramref name="prefix"/> (its first 3 bytes), or a protocol error when
    /// the prefix cannot start an answer to this request.
    /// </summary>
    public static int ResponseLength(ReadOnlySpan<byte> prefix, byte unitId, byte functionCode)
    {
        if (prefix[0] != unitId)
        {
            throw Desync($"unit id {prefix[0]} does not match the request's {unitId}");
        }

        if (prefix[1] == (functionCode | ModbusFunctionCodes.ExceptionFlag))
        {
            return 5;
        }

        if (prefix[1] != functionCode)
        {
            throw Desync($"function code 0x{prefix[1]:X2} answers a request with function code 0x{functionCode:X2}");
        }

        return ResponsePrefixLength + prefix[2] + 2;
    }

    /// <summary>Checks a complete response (CRC, byte count) and returns the data bytes; exception responses throw <see cref="ModbusException"/>.</summary>
    public static ReadOnlySpan<byte> CheckReadResponse(ReadOnlySpan<byte> frame, byte unitId, byte functionCode, ushort startAddress, ushort count)
    {
        ushort expectedCrc = Crc16(frame[..^2]);
        ushort actualCrc = BinaryPrimitives.ReadUInt16LittleEndian(frame[^2..]);
        if (expectedCrc != actualCrc)
        {
            throw Desync(string.Create(CultureInfo.InvariantCulture, $"CRC 0x{actualCrc:X4} should be 0x{expectedCrc:X4}"));
        }

        if (frame[1] == (functionCode | ModbusFunctionCodes.ExceptionFlag))
        {
            throw new ModbusException(unitId, functionCode, startAddress, count, (ModbusExceptionCode)frame[2]);
        }

        if (!ModbusFunctionCodes.TryGetTable(functionCode, out var table))
        {
            throw new ArgumentOutOfRangeException(nameof(functionCode), functionCode, "Not a read function code.");
        }

        int expectedBytes = ModbusTcpFraming.ResponseByteCount(table, count);
        if (frame[2] != expectedBytes)
        {
            throw Desync($"byte count {frame[2]}; expected {expectedBytes} for {count} items");
        }

        return frame.Slice(ResponsePrefixLength, expectedBytes);
    }

    /// <summary>Writes a register read response and returns its length.</summary>
    public static int WriteRegistersResponse(Span<byte> destination, byte unitId, byte functionCode, ReadOnlySpan<ushort> values)
    {
        destination[0] = unitId;
        destination[1] = functionCode;
        destination[2] = (byte)(values.Length * 2);
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(3 + (2 * i))..], values[i]);
        }

        return AppendCrc(destination, 3 + (values.Length * 2));
    }

    /// <summary>Writes a bit read response and returns its length.</summary>
    public static int WriteBitsResponse(Span<byte> destination, byte unitId, byte functionCode, ReadOnlySpan<bool> values)
    {
        int byteCount = (values.Length + 7) / 8;
        destination[0] = unitId;
        destination[1] = functionCode;
        destination[2] = (byte)byteCount;
        var data = destination.Slice(3, byteCount);
        data.Clear();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                data[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return AppendCrc(destination, 3 + byteCount);
    }

    /// <summary>Writes an exception response and returns its length.</summary>
    public static int WriteExceptionResponse(Span<byte> destination, byte unitId, byte functionCode, ModbusExceptionCode code)
    {
        destination[0] = unitId;
        destination[1] = (byte)(functionCode | ModbusFunctionCodes.ExceptionFlag);
        destination[2] = (byte)code;
        return AppendCrc(destination, 3);
    }

    private static int AppendCrc(Span<byte> frame, int length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(frame[length..], Crc16(frame[..length]));
        return length + 2;
    }

    private static ModbusProtocolException Desync(string problem) =>
        new("Modbus RTU-over-TCP response out of sync: " + problem + ".");

    private static ushort[] BuildCrcTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < table.Length; i++)
        {
            ushort crc = (ushort)i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
