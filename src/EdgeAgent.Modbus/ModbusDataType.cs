namespace EdgeAgent.Modbus;

/// <summary>How a value is laid out in one or more 16-bit registers.</summary>
public enum ModbusDataType
{
    /// <summary>One register; any non-zero value is true. (Coils and discrete inputs are read as bits instead.)</summary>
    Bool,

    /// <summary>Signed 16-bit integer, one register.</summary>
    Int16,

    /// <summary>Unsigned 16-bit integer, one register.</summary>
    UInt16,

    /// <summary>Signed 32-bit integer, two registers.</summary>
    Int32,

    /// <summary>Unsigned 32-bit integer, two registers.</summary>
    UInt32,

    /// <summary>Signed 64-bit integer, four registers.</summary>
    Int64,

    /// <summary>Unsigned 64-bit integer, four registers.</summary>
    UInt64,

    /// <summary>IEEE 754 single precision, two registers.</summary>
    Float32,

    /// <summary>IEEE 754 double precision, four registers.</summary>
    Float64,

    /// <summary>ASCII text, two characters per register.</summary>
    String,
}
