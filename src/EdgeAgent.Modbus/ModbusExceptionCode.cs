namespace EdgeAgent.Modbus;

/// <summary>
/// Exception codes a Modbus server returns in an exception response
/// (MODBUS Application Protocol Specification V1.1b3, section 7).
/// </summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>The function code is not supported by the server.</summary>
    IllegalFunction = 0x01,

    /// <summary>The address range of the request is not (entirely) valid on the server.</summary>
    IllegalDataAddress = 0x02,

    /// <summary>A value in the request (for reads: the quantity) is not allowed.</summary>
    IllegalDataValue = 0x03,

    /// <summary>An unrecoverable error occurred while the server performed the action.</summary>
    ServerDeviceFailure = 0x04,

    /// <summary>The server accepted the request but needs a long time to process it.</summary>
    Acknowledge = 0x05,

    /// <summary>The server is busy with a long-running command; retry later.</summary>
    ServerDeviceBusy = 0x06,

    /// <summary>Memory parity error while reading a file record (not used by reads of the four tables).</summary>
    MemoryParityError = 0x08,

    /// <summary>A gateway could not allocate a path to the target device.</summary>
    GatewayPathUnavailable = 0x0A,

    /// <summary>A gateway got no response from the target device.</summary>
    GatewayTargetFailedToRespond = 0x0B,
}
