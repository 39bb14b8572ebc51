using EdgeAgent.Modbus;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>Passes every call to the real client and counts completed reads (requests and registers).</summary>
public sealed class CountingModbusClient(IModbusClient inner, RequestCounter counter) : IModbusClient
{
    public bool IsConnected => inner.IsConnected;

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default) => inner.ConnectAsync(cancellationToken);

    public ValueTask<bool[]> ReadCoilsAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default) =>
        inner.ReadCoilsAsync(startAddress, count, cancellationToken);

    public ValueTask<bool[]> ReadDiscreteInputsAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default) =>
        inner.ReadDiscreteInputsAsync(startAddress, count, cancellationToken);

    public ValueTask<ushort[]> ReadHoldingRegistersAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default) =>
        inner.ReadHoldingRegistersAsync(startAddress, count, cancellationToken);

    public ValueTask<ushort[]> ReadInputRegistersAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default) =>
        inner.ReadInputRegistersAsync(startAddress, count, cancellationToken);

    public ValueTask ReadRegistersAsync(ModbusTable table, ushort startAddress, Memory<ushort> destination, CancellationToken cancellationToken = default)
    {
        var read = inner.ReadRegistersAsync(table, startAddress, destination, cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            counter.Completed(destination.Length);
            return read;
        }

        return CountAsync(read, destination.Length);
    }

    public ValueTask ReadBitsAsync(ModbusTable table, ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default) =>
        inner.ReadBitsAsync(table, startAddress, destination, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async ValueTask CountAsync(ValueTask read, int registers)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch
        {
            counter.Failed();
            throw;
        }

        counter.Completed(registers);
    }
}
