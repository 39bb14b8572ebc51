using System.Diagnostics;
using EdgeAgent.Modbus.Planning;
using Xunit.Abstractions;

namespace EdgeAgent.Modbus.Tests.Planning;

public class ModbusPlannerTests(ITestOutputHelper output)
{
    private static ModbusReadItem Hr(int start, int count, int index) => new(ModbusTable.HoldingRegister, start, count, index);

    private static ModbusPlanner Planner(int maxRegisters = 125, int registerGap = 0, int maxBits = 2000, int bitGap = 0) =>
        new(new ModbusPlanOptions { MaxRegistersPerRequest = maxRegisters, MaxRegisterGap = registerGap, MaxBitsPerRequest = maxBits, MaxBitGap = bitGap });

    private static (ModbusTable, int, int)[] Shape(ModbusPlan plan) => [.. plan.Requests.Select(r => (r.Table, r.Start, r.Count))];

    [Fact]
    public void AdjacentItemsShareOneRequestWhenGapIsZero()
    {
        var plan = Planner().Plan([Hr(0, 2, 0), Hr(2, 2, 1), Hr(4, 1, 2)]);

        Assert.Equal([(ModbusTable.HoldingRegister, 0, 5)], Shape(plan));
        Assert.Equal([new ModbusItemSlice(0, 0, 2), new ModbusItemSlice(1, 2, 2), new ModbusItemSlice(2, 4, 1)], plan.Requests[0].Slices);
    }

    [Fact]
    public void HoleOfExactlyMaxGapIsBridgedAndOneMoreIsNot()
    {
        var bridged = Planner(registerGap: 3).Plan([Hr(0, 2, 0), Hr(5, 2, 1)]);
        var apart = Planner(registerGap: 3).Plan([Hr(0, 2, 0), Hr(6, 2, 1)]);

        Assert.Equal([(ModbusTable.HoldingRegister, 0, 7)], Shape(bridged));
        Assert.Equal([(ModbusTable.HoldingRegister, 0, 2), (ModbusTable.HoldingRegister, 6, 2)], Shape(apart));
    }

    [Fact]
    public void NoRequestReadsMoreThan125Registers()
    {
        var items = Enumerable.Range(0, 126).Select(i => Hr(1000 + i, 1, i)).ToArray();

        var plan = Planner().Plan(items);

        Assert.Equal([(ModbusTable.HoldingRegister, 1000, 125), (ModbusTable.HoldingRegister, 1125, 1)], Shape(plan));
    }

    [Fact]
    public void LowerDeviceLimitIsRespected()
    {
        var items = Enumerable.Range(0, 10).Select(i => Hr(i * 2, 2, i)).ToArray();

        var plan = Planner(maxRegisters: 8).Plan(items);

        Assert.Equal([(ModbusTable.HoldingRegister, 0, 8), (ModbusTable.HoldingRegister, 8, 8), (ModbusTable.HoldingRegister, 16, 4)], Shape(plan));
    }

    [Fact]
    public void BitTablesUseTheBitLimitAndGap()
    {
        var coils = Enumerable.Range(0, 2001).Select(i => new ModbusReadItem(ModbusTable.Coil, i, 1, i)).ToList();
        coils.Add(new ModbusReadItem(ModbusTable.DiscreteInput, 0, 1, 5000));
        coils.Add(new ModbusReadItem(ModbusTable.DiscreteInput, 100, 1, 5001));

        var plan = Planner(registerGap: 0, bitGap: 99).Plan(coils);

        Assert.Equal(
            [(ModbusTable.Coil, 0, 2000), (ModbusTable.Coil, 2000, 1), (ModbusTable.DiscreteInput, 0, 101)],
            Shape(plan));
    }

    [Fact]
    public void TablesArePlannedSeparately()
    {
        var plan = Planner().Plan([Hr(0, 2, 0), new ModbusReadItem(ModbusTable.InputRegister, 2, 2, 1), Hr(2, 2, 2)]);

        Assert.Equal([(ModbusTable.HoldingRegister, 0, 4), (ModbusTable.InputRegister, 2, 2)], Shape(plan));
    }

    [Fact]
    public void OverlappingAndRepeatedItemsAreEachServedOnce()
    {
        var plan = Planner().Plan([Hr(10, 4, 0), Hr(12, 4, 1), Hr(10, 2, 2), Hr(12, 4, 3)]);

        var request = Assert.Single(plan.Requests);
        Assert.Equal((10, 6), (request.Start, request.Count));
        Assert.Equal(
            [new ModbusItemSlice(2, 0, 2), new ModbusItemSlice(0, 0, 4), new ModbusItemSlice(1, 2, 4), new ModbusItemSlice(3, 2, 4)],
            request.Slices);
    }

    [Fact]
    public void ItemTooLongForOneRequestDoesNotHoldBackShorterItemsAfterIt()
    {
        // From 0, the 19-register item at 3 would end at 22, past 0 + 20; the item at 6 still joins the first request.
        var plan = Planner(maxRegisters: 20, registerGap: 1).Plan([Hr(0, 5, 0), Hr(3, 19, 1), Hr(6, 2, 2)]);

        Assert.Equal([(ModbusTable.HoldingRegister, 0, 8), (ModbusTable.HoldingRegister, 3, 19)], Shape(plan));
        Assert.Equal([0, 2], plan.Requests[0].Slices.Select(s => s.ItemIndex));
    }

    [Fact]
    public void ItemsThatCanNeverBeReadAreReportedWithTheReason()
    {
        var plan = Planner().Plan([Hr(0, 126, 7), Hr(5, 0, 8), Hr(65535, 2, 9), Hr(-1, 1, 10), Hr(65535, 1, 11), new ModbusReadItem((ModbusTable)9, 0, 1, 12)]);

        Assert.Equal(
            [ModbusPlanErrorKind.LongerThanRequestLimit, ModbusPlanErrorKind.CountNotPositive, ModbusPlanErrorKind.OutsideAddressSpace, ModbusPlanErrorKind.OutsideAddressSpace, ModbusPlanErrorKind.UnknownTable],
            plan.Errors.Select(e => e.Kind));
        Assert.Equal(
            "Item 7 (HoldingRegister 0, 126 registers) is longer than the 125 registers one request may read; split it into several items.",
            plan.Errors[0].Message);
        Assert.Equal([(ModbusTable.HoldingRegister, 65535, 1)], Shape(plan));
    }

    [Fact]
    public void LongBitItemIsAnErrorNotSplit()
    {
        var plan = Planner().Plan([new ModbusReadItem(ModbusTable.Coil, 0, 2001, 1)]);

        Assert.Empty(plan.Requests);
        Assert.Contains("2000 bits", Assert.Single(plan.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanDoesNotDependOnItemOrder()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 300).Select(i => Hr(random.Next(0, 2000), random.Next(1, 5), i)).ToArray();
        var shuffled = items.OrderBy(_ => random.Next()).ToArray();

        var first = Planner(registerGap: 4).Plan(items);
        var second = Planner(registerGap: 4).Plan(shuffled);

        Assert.Equal(Shape(first), Shape(second));
        Assert.Equal(first.Requests.SelectMany(r => r.Slices), second.Requests.SelectMany(r => r.Slices));
    }

    [Fact]
    public void KnownBadRangeIsNeverReadAndItemsCoveringItAreExcluded()
    {
        var state = new ModbusPlanState();
        state.AddBadRange(new ModbusAddressRange(ModbusTable.HoldingRegister, 5, 1));

        var plan = Planner(registerGap: 10).Plan([Hr(0, 2, 0), Hr(4, 2, 1), Hr(8, 2, 2)], state);

        Assert.Equal([(ModbusTable.HoldingRegister, 0, 2), (ModbusTable.HoldingRegister, 8, 2)], Shape(plan));
        Assert.Equal([1], plan.Excluded.Select(i => i.Index));
        Assert.Equal(state.Version, plan.StateVersion);
    }

    [Fact]
    public void InvalidOptionsAreRejectedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusPlanner(new ModbusPlanOptions { MaxRegistersPerRequest = 126 }));

        Assert.Equal(nameof(ModbusPlanOptions.MaxRegistersPerRequest), error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusPlanner(new ModbusPlanOptions { MaxBitGap = -1 }));
    }

    [Fact]
    public void TenThousandItemsPlanInMilliseconds()
    {
        var random = new Random(42);
        var tables = Enum.GetValues<ModbusTable>();
        var items = Enumerable.Range(0, 10_000)
            .Select(i => new ModbusReadItem(tables[i % 4], random.Next(0, 60_000), random.Next(1, 5), i))
            .ToArray();
        var planner = new ModbusPlanner();
        planner.Plan(items);

        var stopwatch = Stopwatch.StartNew();
        var plan = planner.Plan(items);
        stopwatch.Stop();

        output.WriteLine($"10,000 items -> {plan.Requests.Count} requests in {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Null(PlanOracle.Violation(plan, items, new ModbusPlanOptions(), []));
        // Typically a few ms; the bound only guards against an accidental quadratic sweep on a busy CI machine.
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, 500);
    }
}
