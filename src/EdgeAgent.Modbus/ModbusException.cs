using System.Globalization;

namespace EdgeAgent.Modbus;

/// <summary>
/// The server answered a request with an exception response (function code | 0x80 and an exception code).
/// The connection is still in sync and stays open: this is the device saying "no", not a transport fault.
/// </summary>
public sealed class ModbusException : Exception
{
    /// <summary>Creates the exception for a request that the server refused.</summary>
    public ModbusException(byte unitId, byte functionCode, ushort startAddress, ushort count, ModbusExceptionCode exceptionCode)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Modbus server refused {ModbusFunctionCodes.Name(functionCode)} unit {unitId} address {startAddress} count {count}: exception {exceptionCode} (0x{(byte)exceptionCode:X2})."))
    {
        UnitId = unitId;
        FunctionCode = functionCode;
        StartAddress = startAddress;
        Count = count;
        ExceptionCode = exceptionCode;
    }

    /// <summary>Unit id the request was addressed to.</summary>
    public byte UnitId { get; }

    /// <summary>Function code of the request (without the 0x80 exception flag).</summary>
    public byte FunctionCode { get; }

    /// <summary>First address of the request.</summary>
    public ushort StartAddress { get; }

    /// <summary>Number of registers or bits requested.</summary>
    public ushort Count { get; }

    /// <summary>The code the server returned. Values outside the enum are passed through as received.</summary>
    public ModbusExceptionCode ExceptionCode { get; }
}
