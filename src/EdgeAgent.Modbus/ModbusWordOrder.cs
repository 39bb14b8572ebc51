namespace EdgeAgent.Modbus;

/// <summary>Order of the 16-bit registers that make up a 32- or 64-bit value.</summary>
public enum ModbusWordOrder
{
    /// <summary>The most significant register comes first (lowest address).</summary>
    BigEndian,

    /// <summary>The least significant register comes first (lowest address), e.g. "CDAB" floats.</summary>
    LittleEndian,
}
