using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Modbus.Tests.Planning;

public class ModbusPlanStateTests
{
    private static ModbusAddressRange Hr(int start, int count) => new(ModbusTable.HoldingRegister, start, count);

    [Fact]
    public void NarrowerRangeReplacesWiderOnesAndWiderOnesAddNothing()
    {
        var state = new ModbusPlanState();

        Assert.True(state.AddBadRange(Hr(10, 6)));
        Assert.True(state.AddBadRange(Hr(12, 2)));
        Assert.False(state.AddBadRange(Hr(11, 4)));
        Assert.True(state.AddBadRange(new ModbusAddressRange(ModbusTable.InputRegister, 12, 2)));

        Assert.Equal([Hr(12, 2), new ModbusAddressRange(ModbusTable.InputRegister, 12, 2)], state.BadRanges);
        Assert.Equal(3, state.Version);
    }

    [Fact]
    public void AcceptedProbeForgetsTheRangesInsideIt()
    {
        var state = new ModbusPlanState();
        state.AddBadRange(Hr(3, 1));
        state.AddBadRange(Hr(9, 2));
        var probe = new ModbusReadRequest(ModbusTable.HoldingRegister, 2, 4, [new ModbusItemSlice(0, 0, 4)]);

        Assert.False(state.ReportProbe(probe, accepted: false));
        Assert.True(state.ReportProbe(probe, accepted: true));

        Assert.Equal([Hr(9, 2)], state.BadRanges);
    }

    [Fact]
    public void ClearForgetsEverythingAndMovesTheVersion()
    {
        var state = new ModbusPlanState();
        state.AddBadRange(Hr(3, 1));

        state.Clear();

        Assert.Empty(state.BadRanges);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void EmptyOrOutOfSpaceRangeIsRejected()
    {
        var state = new ModbusPlanState();

        Assert.Throws<ArgumentOutOfRangeException>(() => state.AddBadRange(Hr(3, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.AddBadRange(Hr(65535, 2)));
    }
}
