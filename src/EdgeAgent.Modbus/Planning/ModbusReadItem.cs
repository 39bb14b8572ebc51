namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// One value the collector wants from a device: <paramref name="Count"/> registers (holding/input tables) or bits
/// (coil/discrete-input tables) starting at the zero-based protocol address <paramref name="Start"/>.
/// </summary>
/// <param name="Table">The Modbus table the value lives in.</param>
/// <param name="Start">Zero-based protocol address (0..65535) of the first register or bit.</param>
/// <param name="Count">Number of registers or bits; at least 1.</param>
/// <param name="Index">
/// The caller's handle for the item (e.g. its position in the device's tag list); the planner never interprets it and
/// hands it back in <see cref="ModbusItemSlice.ItemIndex"/>.
/// </param>
public readonly record struct ModbusReadItem(ModbusTable Table, int Start, int Count, int Index)
{
    /// <summary>One past the last address of the item.</summary>
    public int End => Start + Count;
}
