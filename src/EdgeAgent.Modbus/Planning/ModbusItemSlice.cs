namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// Where one item's data sits inside the response to a <see cref="ModbusReadRequest"/>: registers (or bits)
/// <c>[Offset, Offset + Count)</c> of the response belong to item <see cref="ItemIndex"/>.
/// </summary>
/// <param name="ItemIndex">The <see cref="ModbusReadItem.Index"/> of the item served.</param>
/// <param name="Offset">Position of the item's first register or bit within the response, counted from the request start.</param>
/// <param name="Count">Number of registers or bits of the item.</param>
public readonly record struct ModbusItemSlice(int ItemIndex, int Offset, int Count);
