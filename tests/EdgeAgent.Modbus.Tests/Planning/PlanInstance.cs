using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Modbus.Tests.Planning;

/// <summary>A small random planning problem: items on two tables, tight limits, and some known-bad ranges.</summary>
internal sealed record PlanInstance(IReadOnlyList<ModbusReadItem> Items, ModbusPlanOptions Options, IReadOnlyList<ModbusAddressRange> BadRanges)
{
    private static readonly ModbusTable[] Tables = [ModbusTable.HoldingRegister, ModbusTable.Coil];

    /// <summary>
    /// Small addresses, lengths and limits so that overlaps, nesting, equal ranges, size limits and gaps all collide often;
    /// now and then an item that is empty or longer than the limit.
    /// </summary>
    public static PlanInstance Random(int seed)
    {
        var random = new Random(seed);
        var options = new ModbusPlanOptions
        {
            MaxRegistersPerRequest = random.Next(1, 17),
            MaxBitsPerRequest = random.Next(1, 17),
            MaxRegisterGap = random.Next(0, 5),
            MaxBitGap = random.Next(0, 5),
        };
        var items = new List<ModbusReadItem>();
        var count = random.Next(1, 11);
        for (var i = 0; i < count; i++)
        {
            var table = Tables[random.Next(Tables.Length)];
            var length = random.Next(20) == 0 ? random.Next(-1, 1) : random.Next(1, 1 + Math.Min(10, options.MaxCount(table) + 2));
            items.Add(new ModbusReadItem(table, random.Next(0, 40), length, 100 + i));
        }

        var bad = new List<ModbusAddressRange>();
        var badCount = random.Next(0, 3);
        for (var i = 0; i < badCount; i++)
        {
            bad.Add(new ModbusAddressRange(Tables[random.Next(Tables.Length)], random.Next(0, 45), random.Next(1, 4)));
        }

        return new PlanInstance(items, options, bad);
    }

    public ModbusPlanState State()
    {
        var state = new ModbusPlanState();
        foreach (var range in BadRanges)
        {
            state.AddBadRange(range);
        }

        return state;
    }

    public override string ToString() =>
        $"regs<={Options.MaxRegistersPerRequest} gap {Options.MaxRegisterGap}, bits<={Options.MaxBitsPerRequest} gap {Options.MaxBitGap}; "
        + $"items [{string.Join(", ", Items.Select(i => $"{i.Table} {i.Start}+{i.Count}"))}]; bad [{string.Join(", ", BadRanges)}]";
}
