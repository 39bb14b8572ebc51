namespace EdgeAgent.Modbus;

/// <summary>
/// The 7-byte MBAP header in front of every Modbus TCP PDU
/// (MODBUS Messaging on TCP/IP Implementation Guide V1.0b, section 3.1.3).
/// </summary>
/// <param name="TransactionId">Pairs a response with its request; echoed by the server.</param>
/// <param name="ProtocolId">0 for Modbus.</param>
/// <param name="Length">Number of bytes that follow the length field: unit id + PDU.</param>
/// <param name="UnitId">Addresses a device behind a gateway; echoed by the server.</param>
internal readonly record struct MbapHeader(ushort TransactionId, ushort ProtocolId, ushort Length, byte UnitId)
{
    /// <summary>Length of the PDU that follows the header.</summary>
    public int PduLength => Length - 1;
}
