namespace EdgeAgent.Modbus;

/// <summary>
/// Thread-safe in-memory <see cref="IModbusDataStore"/>. Only address ranges added with <see cref="AddRange"/> are
/// served; a read touching any other address answers <see cref="ModbusExceptionCode.IllegalDataAddress"/>, and a unit id
/// without any range answers <see cref="ModbusExceptionCode.GatewayTargetFailedToRespond"/> (as a gateway would for a
/// device that is not there).
/// </summary>
/// <remarks>
/// One lock per unit makes every multi-register <c>Set…</c> atomic with respect to reads, so a client never sees half
/// of a 32- or 64-bit value updated.
/// </remarks>
public sealed class ModbusDataStore : IModbusDataStore
{
    private readonly Unit?[] _units = new Unit?[256];
    private readonly Lock _unitsLock = new();

    /// <summary>Makes <paramref name="count"/> addresses from <paramref name="startAddress"/> valid (initially 0 / false).</summary>
    public void AddRange(byte unitId, ModbusTable table, ushort startAddress, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startAddress + count, ModbusLimits.AddressSpace, nameof(count));
        var unit = GetOrAddUnit(unitId);
        lock (unit.Lock)
        {
            unit.Table(table, create: true)!.Valid.AsSpan(startAddress, count).Fill(true);
        }
    }

    /// <summary>True when <paramref name="address"/> has been added for this unit and table.</summary>
    public bool IsServed(byte unitId, ModbusTable table, ushort address)
    {
        var data = Volatile.Read(ref _units[unitId])?.Table(table, create: false);
        return data is not null && data.Valid[address];
    }

    /// <summary>Sets one register of a register table.</summary>
    public void SetRegister(byte unitId, ModbusTable table, ushort address, ushort value) =>
        SetRegisters(unitId, table, address, [value]);

    /// <summary>Sets consecutive registers atomically. Throws when any address was not added.</summary>
    public void SetRegisters(byte unitId, ModbusTable table, ushort startAddress, ReadOnlySpan<ushort> values)
    {
        RequireRegisterTable(table);
        var (unit, data) = Served(unitId, table, startAddress, values.Length);
        lock (unit.Lock)
        {
            values.CopyTo(data.Registers.AsSpan(startAddress));
        }
    }

    /// <summary>Sets one bit of a bit table.</summary>
    public void SetBit(byte unitId, ModbusTable table, ushort address, bool value) =>
        SetBits(unitId, table, address, [value]);

    /// <summary>Sets consecutive bits atomically. Throws when any address was not added.</summary>
    public void SetBits(byte unitId, ModbusTable table, ushort startAddress, ReadOnlySpan<bool> values)
    {
        RequireBitTable(table);
        var (unit, data) = Served(unitId, table, startAddress, values.Length);
        lock (unit.Lock)
        {
            values.CopyTo(data.Bits.AsSpan(startAddress));
        }
    }

    /// <summary>Encodes a number with <see cref="ModbusValueCodec.EncodeNumber"/> and stores its registers atomically.</summary>
    public void SetValue(
        byte unitId, ModbusTable table, ushort address, double value, ModbusDataType type,
        ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian)
    {
        Span<ushort> registers = stackalloc ushort[ModbusValueCodec.RegisterCount(type)];
        ModbusValueCodec.EncodeNumber(value, type, registers, byteOrder, wordOrder);
        SetRegisters(unitId, table, address, registers);
    }

    /// <summary>Encodes text into <c>RegisterCount(String, length)</c> registers (NUL padded) and stores them atomically.</summary>
    public void SetString(byte unitId, ModbusTable table, ushort address, string value, int length, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian)
    {
        var registers = new ushort[ModbusValueCodec.RegisterCount(ModbusDataType.String, length)];
        ModbusValueCodec.EncodeString(value, registers, byteOrder);
        SetRegisters(unitId, table, address, registers);
    }

    /// <summary>Current value of one register.</summary>
    public ushort GetRegister(byte unitId, ModbusTable table, ushort address)
    {
        RequireRegisterTable(table);
        var (unit, data) = Served(unitId, table, address, 1);
        lock (unit.Lock)
        {
            return data.Registers[address];
        }
    }

    /// <summary>Current value of one bit.</summary>
    public bool GetBit(byte unitId, ModbusTable table, ushort address)
    {
        RequireBitTable(table);
        var (unit, data) = Served(unitId, table, address, 1);
        lock (unit.Lock)
        {
            return data.Bits[address];
        }
    }

    /// <inheritdoc/>
    public bool TryReadRegisters(byte unitId, ModbusTable table, ushort startAddress, Span<ushort> destination, out ModbusExceptionCode error)
    {
        if (!TryGetServed(unitId, table, startAddress, destination.Length, out var unit, out var data, out error))
        {
            return false;
        }

        lock (unit.Lock)
        {
            data.Registers.AsSpan(startAddress, destination.Length).CopyTo(destination);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool TryReadBits(byte unitId, ModbusTable table, ushort startAddress, Span<bool> destination, out ModbusExceptionCode error)
    {
        if (!TryGetServed(unitId, table, startAddress, destination.Length, out var unit, out var data, out error))
        {
            return false;
        }

        lock (unit.Lock)
        {
            data.Bits.AsSpan(startAddress, destination.Length).CopyTo(destination);
        }

        return true;
    }

    private bool TryGetServed(byte unitId, ModbusTable table, ushort startAddress, int count, out Unit unit, out TableData data, out ModbusExceptionCode error)
    {
        unit = Volatile.Read(ref _units[unitId])!;
        data = null!;
        if (unit is null)
        {
            error = ModbusExceptionCode.GatewayTargetFailedToRespond;
            return false;
        }

        var table1 = unit.Table(table, create: false);
        // Valid only grows, so checking it outside the lock cannot admit an address that is not served.
        if (table1 is null || startAddress + count > ModbusLimits.AddressSpace || table1.Valid.AsSpan(startAddress, count).Contains(false))
        {
            error = ModbusExceptionCode.IllegalDataAddress;
            return false;
        }

        data = table1;
        error = default;
        return true;
    }

    private (Unit Unit, TableData Data) Served(byte unitId, ModbusTable table, ushort startAddress, int count)
    {
        if (!TryGetServed(unitId, table, startAddress, count, out var unit, out var data, out _))
        {
            throw new ArgumentException($"Unit {unitId} {table} {startAddress}..{startAddress + count - 1} is not served; call {nameof(AddRange)} first.", nameof(startAddress));
        }

        return (unit, data);
    }

    private Unit GetOrAddUnit(byte unitId)
    {
        lock (_unitsLock)
        {
            var unit = _units[unitId];
            if (unit is null)
            {
                unit = new Unit();
                Volatile.Write(ref _units[unitId], unit);
            }

            return unit;
        }
    }

    private static void RequireRegisterTable(ModbusTable table)
    {
        if (ModbusFunctionCodes.IsBitTable(table))
        {
            throw new ArgumentException($"{table} holds bits, not registers.", nameof(table));
        }
    }

    private static void RequireBitTable(ModbusTable table)
    {
        if (!ModbusFunctionCodes.IsBitTable(table))
        {
            throw new ArgumentException($"{table} holds registers, not bits.", nameof(table));
        }
    }

    private sealed class Unit
    {
        private readonly TableData?[] _tables = new TableData?[4];

        public Lock Lock { get; } = new();

        public TableData? Table(ModbusTable table, bool create)
        {
            int index = (int)table;
            if ((uint)index >= 4)
            {
                throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown Modbus table.");
            }

            var data = Volatile.Read(ref _tables[index]);
            if (data is null && create)
            {
                // Callers that create hold Lock, so two tables are never made for one slot.
                data = new TableData(ModbusFunctionCodes.IsBitTable(table));
                Volatile.Write(ref _tables[index], data);
            }

            return data;
        }
    }

    private sealed class TableData(bool bits)
    {
        public bool[] Valid { get; } = new bool[ModbusLimits.AddressSpace];

        public ushort[] Registers { get; } = bits ? [] : new ushort[ModbusLimits.AddressSpace];

        public bool[] Bits { get; } = bits ? new bool[ModbusLimits.AddressSpace] : [];
    }
}
