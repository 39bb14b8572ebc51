namespace EdgeAgent.Modbus.Planning;

/// <summary>A run of <paramref name="Count"/> addresses of one table, starting at <paramref name="Start"/>.</summary>
/// <param name="Table">The table the addresses belong to.</param>
/// <param name="Start">First address (0..65535).</param>
/// <param name="Count">Number of addresses; at least 1.</param>
public readonly record struct ModbusAddressRange(ModbusTable Table, int Start, int Count)
{
    /// <summary>One past the last address.</summary>
    public int End => Start + Count;

    /// <summary>True when every address of <paramref name="other"/> lies in this range (same table).</summary>
    public bool Contains(ModbusAddressRange other) =>
        other.Table == Table && other.Start >= Start && other.End <= End;

    /// <inheritdoc/>
    public override string ToString() => $"{Table} {Start}..{End - 1}";
}
