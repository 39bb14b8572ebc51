namespace EdgeAgent.Modbus;

/// <summary>Protocol limits from the MODBUS Application Protocol Specification V1.1b3.</summary>
public static class ModbusLimits
{
    /// <summary>Most registers one read (function codes 3 and 4) may ask for.</summary>
    public const int MaxRegistersPerRead = 125;

    /// <summary>Most bits one read (function codes 1 and 2) may ask for.</summary>
    public const int MaxBitsPerRead = 2000;

    /// <summary>Largest value of the MBAP length field: unit id (1) + largest PDU (253).</summary>
    public const int MaxMbapLength = 254;

    /// <summary>Size of the MBAP header including the unit id.</summary>
    public const int MbapHeaderLength = 7;

    /// <summary>Largest Modbus TCP frame (ADU): 6 header bytes before the unit id + 254.</summary>
    public const int MaxAduLength = 260;

    /// <summary>Number of addresses in each table (0..65535).</summary>
    public const int AddressSpace = 65536;
}
