namespace EdgeAgent.Modbus;

/// <summary>How Modbus PDUs are framed on the TCP stream.</summary>
public enum ModbusFrameFormat
{
    /// <summary>Modbus TCP: MBAP header (transaction id, protocol id 0, length, unit id) + PDU. The standard.</summary>
    Tcp,

    /// <summary>
    /// "RTU over TCP": serial RTU frames (unit id + PDU + CRC-16) sent unchanged over TCP, as many serial-to-Ethernet
    /// converters and some gateways do. No transaction id, so frames are checked by unit id, function code, length and CRC.
    /// </summary>
    RtuOverTcp,
}
