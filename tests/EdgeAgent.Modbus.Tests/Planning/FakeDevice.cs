using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Modbus.Tests.Planning;

/// <summary>
/// A device's address map reduced to a pure function: a read is refused (IllegalDataAddress) when it covers an
/// unmapped address or crosses a block boundary (reads crossing address c-1|c are refused), as real PLCs do.
/// </summary>
internal sealed record FakeDevice(IReadOnlySet<(ModbusTable Table, int Address)> Unmapped, IReadOnlySet<(ModbusTable Table, int Address)> Boundaries)
{
    public static FakeDevice Healthy { get; } = new(new HashSet<(ModbusTable, int)>(), new HashSet<(ModbusTable, int)>());

    public bool Accepts(ModbusTable table, int start, int end)
    {
        for (var address = start; address < end; address++)
        {
            if (Unmapped.Contains((table, address)) || (address > start && Boundaries.Contains((table, address))))
            {
                return false;
            }
        }

        return true;
    }

    public bool Accepts(ModbusReadRequest request) => Accepts(request.Table, request.Start, request.End);

    public bool Accepts(ModbusReadItem item) => Accepts(item.Table, item.Start, item.End);
}
