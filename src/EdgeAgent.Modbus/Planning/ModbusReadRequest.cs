namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// One read the collector sends: <see cref="Count"/> registers or bits of <see cref="Table"/> from <see cref="Start"/>,
/// and the items the response serves, each with its position in the response so decoding needs no search.
/// </summary>
public sealed class ModbusReadRequest
{
    /// <summary>Creates a request. The planner builds these; tests and tools may too.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the address space or a slice leaves the range.</exception>
    public ModbusReadRequest(ModbusTable table, int start, int count, IReadOnlyList<ModbusItemSlice> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, ModbusLimits.AddressSpace, nameof(count));
        foreach (var slice in slices)
        {
            if (slice.Offset < 0 || slice.Count < 1 || slice.Offset + slice.Count > count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(slices), $"Slice of item {slice.ItemIndex} ({slice.Offset}+{slice.Count}) is outside the {count} addresses read.");
            }
        }

        Table = table;
        Start = start;
        Count = count;
        Slices = slices;
    }

    /// <summary>The table read (and so the function code: 1, 2, 3 or 4).</summary>
    public ModbusTable Table { get; }

    /// <summary>Zero-based protocol address of the first register or bit read.</summary>
    public int Start { get; }

    /// <summary>Number of registers or bits read.</summary>
    public int Count { get; }

    /// <summary>One past the last address read.</summary>
    public int End => Start + Count;

    /// <summary>The addresses read, as a range.</summary>
    public ModbusAddressRange Range => new(Table, Start, Count);

    /// <summary>The items this response serves, in address order. Each planned item appears in exactly one request of a plan.</summary>
    public IReadOnlyList<ModbusItemSlice> Slices { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Table} {Start}+{Count} ({Slices.Count} items)";
}
