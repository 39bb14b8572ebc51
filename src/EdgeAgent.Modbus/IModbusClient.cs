namespace EdgeAgent.Modbus;

/// <summary>
/// Read-only Modbus client: the four read function codes and nothing else.
/// Implementations run one request at a time per connection and connect on demand.
/// </summary>
/// <remarks>
/// Failures, by type: <see cref="ModbusException"/> = the device refused the request (connection stays open);
/// <see cref="ModbusTimeoutException"/> (a <see cref="TimeoutException"/>), <see cref="ModbusProtocolException"/> and
/// <see cref="ModbusConnectionException"/> (both <see cref="IOException"/>) = the connection is closed and the next call
/// reconnects. Invalid arguments (count 0 or above the protocol limit, range past 65535) throw
/// <see cref="ArgumentOutOfRangeException"/> before anything is sent.
/// </remarks>
public interface IModbusClient : IAsyncDisposable
{
    /// <summary>True while a TCP connection is open.</summary>
    bool IsConnected { get; }

    /// <summary>Opens the connection if it is not open. Safe to call again after any failure.</summary>
    ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads <paramref name="count"/> coils (function code 1), at most 2000.</summary>
    ValueTask<bool[]> ReadCoilsAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default);

    /// <summary>Reads <paramref name="count"/> discrete inputs (function code 2), at most 2000.</summary>
    ValueTask<bool[]> ReadDiscreteInputsAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default);

    /// <summary>Reads <paramref name="count"/> holding registers (function code 3), at most 125.</summary>
    ValueTask<ushort[]> ReadHoldingRegistersAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default);

    /// <summary>Reads <paramref name="count"/> input registers (function code 4), at most 125.</summary>
    ValueTask<ushort[]> ReadInputRegistersAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads <c>destination.Length</c> registers of <paramref name="table"/> (holding or input) into a caller-provided buffer,
    /// without allocating a result array.
    /// </summary>
    ValueTask ReadRegistersAsync(ModbusTable table, ushort startAddress, Memory<ushort> destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads <c>destination.Length</c> bits of <paramref name="table"/> (coil or discrete input) into a caller-provided buffer,
    /// without allocating a result array.
    /// </summary>
    ValueTask ReadBitsAsync(ModbusTable table, ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default);
}
