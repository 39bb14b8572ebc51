namespace EdgeAgent.Modbus;

/// <summary>The four Modbus data tables. Each has its own read function code.</summary>
public enum ModbusTable
{
    /// <summary>Read/write single bits; read with function code 1.</summary>
    Coil,

    /// <summary>Read-only single bits; read with function code 2.</summary>
    DiscreteInput,

    /// <summary>Read/write 16-bit registers; read with function code 3.</summary>
    HoldingRegister,

    /// <summary>Read-only 16-bit registers; read with function code 4.</summary>
    InputRegister,
}
