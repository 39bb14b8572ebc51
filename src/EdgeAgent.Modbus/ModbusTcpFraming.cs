using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace EdgeAgent.Modbus;

/// <summary>
/// Encoding and checking of Modbus TCP frames (MBAP header + PDU) for the four read function codes.
/// Pure span code: no I/O, no allocation except for exception messages.
/// </summary>
internal static class ModbusTcpFraming
{
    /// <summary>Size of a read request frame: header (7) + function code (1) + address (2) + quantity (2).</summary>
    public const int ReadRequestLength = 12;

    /// <summary>Smallest valid MBAP length: unit id + function code.</summary>
    public const int MinMbapLength = 2;

    public static void WriteHeader(Span<byte> destination, in MbapHeader header)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, header.TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.ProtocolId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], header.Length);
        destination[6] = header.UnitId;
    }

    public static MbapHeader ReadHeader(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16BigEndian(source),
        BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
        BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
        source[6]);

    /// <summary>Null when the header can frame a Modbus PDU, otherwise why not.</summary>
    public static string? CheckHeader(in MbapHeader header)
    {
        if (header.ProtocolId != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"protocol id {header.ProtocolId} is not 0 (Modbus)");
        }

        if (header.Length < MinMbapLength || header.Length > ModbusLimits.MaxMbapLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"MBAP length {header.Length} is outside {MinMbapLength}..{ModbusLimits.MaxMbapLength}");
        }

        return null;
    }

    /// <summary>Writes a read request (function codes 1–4) and returns its length.</summary>
    public static int WriteReadRequest(Span<byte> destination, ushort transactionId, byte unitId, byte functionCode, ushort startAddress, ushort count)
    {
        WriteHeader(destination, new MbapHeader(transactionId, 0, 6, unitId));
        destination[7] = functionCode;
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], startAddress);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], count);
        return ReadRequestLength;
    }

    /// <summary>Parses the PDU of a read request (server side). False when its length is not 5 bytes.</summary>
    public static bool TryReadRequestPdu(ReadOnlySpan<byte> pdu, out ushort startAddress, out ushort count)
    {
        if (pdu.Length != 5)
        {
            startAddress = 0;
            count = 0;
            return false;
        }

        startAddress = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        count = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        return true;
    }

    /// <summary>Number of data bytes a read response carries for <paramref name="count"/> items.</summary>
    public static int ResponseByteCount(ModbusTable table, int count) =>
        ModbusFunctionCodes.IsBitTable(table) ? (count + 7) / 8 : count * 2;

    /// <summary>
    /// Checks that <paramref name="header"/> and <paramref name="pdu"/> answer the request in flight and returns the data bytes.
    /// Throws <see cref="ModbusException"/> for a well-formed exception response (still in sync) and
    /// <see cref="ModbusProtocolException"/> for anything else that does not fit (out of sync).
    /// </summary>
    public static ReadOnlySpan<byte> CheckReadResponse(
        in MbapHeader header, ReadOnlySpan<byte> pdu, ushort transactionId, byte unitId, byte functionCode, ushort startAddress, ushort count)
    {
        if (CheckHeader(header) is { } headerProblem)
        {
            throw new ModbusProtocolException("Malformed Modbus TCP response: " + headerProblem + ".");
        }

        if (header.TransactionId != transactionId)
        {
            throw Desync($"transaction id {header.TransactionId} does not match the request's {transactionId}");
        }

        if (header.UnitId != unitId)
        {
            throw Desync($"unit id {header.UnitId} does not match the request's {unitId}");
        }

        if (pdu.Length != header.PduLength || pdu.Length < 1)
        {
            throw Desync($"PDU of {pdu.Length} bytes does not match MBAP length {header.Length}");
        }

        byte responseCode = pdu[0];
        if (responseCode == (functionCode | ModbusFunctionCodes.ExceptionFlag))
        {
            if (pdu.Length != 2)
            {
                throw Desync($"exception response PDU has {pdu.Length} bytes instead of 2");
            }

            throw new ModbusException(unitId, functionCode, startAddress, count, (ModbusExceptionCode)pdu[1]);
        }

        if (responseCode != functionCode)
        {
            throw Desync($"function code 0x{responseCode:X2} answers a request with function code 0x{functionCode:X2}");
        }

        if (!ModbusFunctionCodes.TryGetTable(functionCode, out var table))
        {
            throw new ArgumentOutOfRangeException(nameof(functionCode), functionCode, "Not a read function code.");
        }

        int expectedBytes = ResponseByteCount(table, count);
        if (pdu.Length < 2 || pdu[1] != expectedBytes || pdu.Length != 2 + expectedBytes)
        {
            int declared = pdu.Length < 2 ? -1 : pdu[1];
            throw Desync($"byte count {declared} with {pdu.Length - 2} data bytes; expected {expectedBytes} for {count} items");
        }

        return pdu.Slice(2, expectedBytes);
    }

    /// <summary>Decodes big-endian register bytes (as on the wire) into <paramref name="destination"/>.</summary>
    public static void DecodeRegisters(ReadOnlySpan<byte> data, Span<ushort> destination)
    {
        var raw = MemoryMarshal.Cast<byte, ushort>(data[..(destination.Length * 2)]);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(raw, destination);
        }
        else
        {
            raw.CopyTo(destination);
        }
    }

    /// <summary>Decodes packed bits (LSB of the first byte = first address) into <paramref name="destination"/>.</summary>
    public static void DecodeBits(ReadOnlySpan<byte> data, Span<bool> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (data[i >> 3] & (1 << (i & 7))) != 0;
        }
    }

    /// <summary>Writes a register read response and returns the frame length.</summary>
    public static int WriteRegistersResponse(Span<byte> destination, ushort transactionId, byte unitId, byte functionCode, ReadOnlySpan<ushort> values)
    {
        int byteCount = values.Length * 2;
        WriteHeader(destination, new MbapHeader(transactionId, 0, (ushort)(3 + byteCount), unitId));
        destination[7] = functionCode;
        destination[8] = (byte)byteCount;
        var target = MemoryMarshal.Cast<byte, ushort>(destination.Slice(9, byteCount));
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, target);
        }
        else
        {
            values.CopyTo(target);
        }

        return 9 + byteCount;
    }

    /// <summary>Writes a bit read response (packed, LSB first, unused high bits zero) and returns the frame length.</summary>
    public static int WriteBitsResponse(Span<byte> destination, ushort transactionId, byte unitId, byte functionCode, ReadOnlySpan<bool> values)
    {
        int byteCount = (values.Length + 7) / 8;
        WriteHeader(destination, new MbapHeader(transactionId, 0, (ushort)(3 + byteCount), unitId));
        destination[7] = functionCode;
        destination[8] = (byte)byteCount;
        var data = destination.Slice(9, byteCount);
        data.Clear();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                data[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return 9 + byteCount;
    }

    /// <summary>Writes an exception response and returns the frame length.</summary>
    public static int WriteExceptionResponse(Span<byte> destination, ushort transactionId, byte unitId, byte functionCode, ModbusExceptionCode code)
    {
        WriteHeader(destination, new MbapHeader(transactionId, 0, 3, unitId));
        destination[7] = (byte)(functionCode | ModbusFunctionCodes.ExceptionFlag);
        destination[8] = (byte)code;
        return 9;
    }

    private static ModbusProtocolException Desync(string problem) =>
        new("Modbus TCP response out of sync: " + problem + ".");
}
