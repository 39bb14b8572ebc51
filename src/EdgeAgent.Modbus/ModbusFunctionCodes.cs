namespace EdgeAgent.Modbus;

/// <summary>
/// The only function codes this library knows: the four reads. The agent never writes to a device,
/// so no write function code exists here by construction.
/// </summary>
public static class ModbusFunctionCodes
{
    /// <summary>Read Coils.</summary>
    public const byte ReadCoils = 0x01;

    /// <summary>Read Discrete Inputs.</summary>
    public const byte ReadDiscreteInputs = 0x02;

    /// <summary>Read Holding Registers.</summary>
    public const byte ReadHoldingRegisters = 0x03;

    /// <summary>Read Input Registers.</summary>
    public const byte ReadInputRegisters = 0x04;

    /// <summary>Bit set in the function code of an exception response.</summary>
    public const byte ExceptionFlag = 0x80;

    /// <summary>The read function code for a table.</summary>
    public static byte ForTable(ModbusTable table) => table switch
    {
        ModbusTable.Coil => ReadCoils,
        ModbusTable.DiscreteInput => ReadDiscreteInputs,
        ModbusTable.HoldingRegister => ReadHoldingRegisters,
        ModbusTable.InputRegister => ReadInputRegisters,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown Modbus table."),
    };

    /// <summary>The table a read function code reads, or false for any other code.</summary>
    public static bool TryGetTable(byte functionCode, out ModbusTable table)
    {
        switch (functionCode)
        {
            case ReadCoils: table = ModbusTable.Coil; return true;
            case ReadDiscreteInputs: table = ModbusTable.DiscreteInput; return true;
            case ReadHoldingRegisters: table = ModbusTable.HoldingRegister; return true;
            case ReadInputRegisters: table = ModbusTable.InputRegister; return true;
            default: table = default; return false;
        }
    }

    /// <summary>A readable name for logs and messages.</summary>
    public static string Name(byte functionCode) => functionCode switch
    {
        ReadCoils => "ReadCoils(0x01)",
        ReadDiscreteInputs => "ReadDiscreteInputs(0x02)",
        ReadHoldingRegisters => "ReadHoldingRegisters(0x03)",
        ReadInputRegisters => "ReadInputRegisters(0x04)",
        _ => $"FunctionCode(0x{functionCode:X2})",
    };

    /// <summary>True for the bit tables (coils, discrete inputs).</summary>
    public static bool IsBitTable(ModbusTable table) => table is ModbusTable.Coil or ModbusTable.DiscreteInput;
}
