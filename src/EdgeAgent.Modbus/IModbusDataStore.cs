namespace EdgeAgent.Modbus;

/// <summary>
/// What a <see cref="ModbusTcpServer"/> serves: per unit id, per table, ranges of registers or bits.
/// Called concurrently from every connection; implementations must be thread-safe and should not block.
/// </summary>
public interface IModbusDataStore
{
    /// <summary>
    /// Copies <c>destination.Length</c> registers of a register table starting at <paramref name="startAddress"/>.
    /// Returns false with the exception code to answer (typically <see cref="ModbusExceptionCode.IllegalDataAddress"/>)
    /// when the range is not served.
    /// </summary>
    bool TryReadRegisters(byte unitId, ModbusTable table, ushort startAddress, Span<ushort> destination, out ModbusExceptionCode error);

    /// <summary>Copies <c>destination.Length</c> bits of a bit table; otherwise as <see cref="TryReadRegisters"/>.</summary>
    bool TryReadBits(byte unitId, ModbusTable table, ushort startAddress, Span<bool> destination, out ModbusExceptionCode error);
}
