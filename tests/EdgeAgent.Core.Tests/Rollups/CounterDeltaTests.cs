using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Rollups;

namespace EdgeAgent.Core.Tests.RollupTests;

public class CounterDeltaTests
{
    private static TagConfig Tag(TagType type, double scale = 1) => new() { Name = "c", Role = TagRole.PartCounterTotal, Type = type, Scale = scale };

    [Fact]
    public void ForwardStepIsTheDifference()
    {
        Assert.Equal(new CounterStep(7, false, false), CounterDelta.Step(Tag(TagType.UInt32), 100, 107));
    }

    [Fact]
    public void ReadingsOutsideTheRegisterRangeAreNeverAWrapNorNegative()
    {
        // 67336 cannot be held by a uint16 register (a bad scale/offset or a misread): a step back from it is not a
        // wrap, and must not give (0 + 65536 − 67336) = −1800.
        var step = CounterDelta.Step(Tag(TagType.UInt16), 67336, 0);
        Assert.True(step.Delta >= 0);
        Assert.True(step.Reset);
    }

    [Fact]
    public void Uint16WrapCountsThroughTheTop()
    {
        // 65530 → 65535 is 5 counts, 65535 → 0 is 1, 0 → 4 is 4: 10 in all.
        Assert.Equal(new CounterStep(10, true, false), CounterDelta.Step(Tag(TagType.UInt16), 65530, 4));
    }

    [Fact]
    public void Uint32WrapCountsThroughTheTopWithScale()
    {
        // raw 4294967290 → 5: 5 + 4294967296 − 4294967290 = 11 counts of 0.01 kWh.
        var step = CounterDelta.Step(Tag(TagType.UInt32, 0.01), 42949672.90, 0.05);
        Assert.True(step.Reset);
        Assert.Equal(0.11, step.Delta, 9);
    }

    [Fact]
    public void Int16WrapGoesFromMaxToMin()
    {
        // 32760 → −32766: 7 counts to 32767, 1 to −32768, 2 more to −32766 = 10.
        Assert.Equal(new CounterStep(10, true, false), CounterDelta.Step(Tag(TagType.Int16), 32760, -32766));
    }

    [Fact]
    public void ResetToNearZeroCountsTheNewReadingFromZero()
    {
        // 1000 → 3: 3 < 1000 / 2, so the counter restarted and 3 parts were made since.
        Assert.Equal(new CounterStep(3, true, false), CounterDelta.Step(Tag(TagType.UInt32), 1000, 3));
    }

    [Fact]
    public void ReplacementMeterWithItsOwnReadingAddsNothing()
    {
        // 52000 → 48000: 48000 ≥ 52000 / 2 cannot have accrued since a restart: delta unknowable, 0.
        Assert.Equal(new CounterStep(0, true, false), CounterDelta.Step(Tag(TagType.UInt32), 52000, 48000));
    }

    [Fact]
    public void StepBackInTheMiddleOfTheRangeIsAResetNotAWrap()
    {
        // uint16 40000 → 10: 40000 is not in the top quarter (≥ 49152), so this is a reset counted from zero: 10.
        Assert.Equal(new CounterStep(10, true, false), CounterDelta.Step(Tag(TagType.UInt16), 40000, 10));
    }

    [Fact]
    public void FloatJitterIsIgnoredAndKeepsTheBaseline()
    {
        // 1234.5678 → 1234.5677 is a step back of 1e-4 ≤ 1e-6 × 1234.5678 ≈ 1.2e-3.
        Assert.Equal(new CounterStep(0, false, true), CounterDelta.Step(Tag(TagType.Float64), 1234.5678, 1234.5677));
    }

    [Fact]
    public void FloatCountersDoNotWrap()
    {
        // A float meter going from 900 to 100 restarted: 100 < 450, counted from zero.
        Assert.Equal(new CounterStep(100, true, false), CounterDelta.Step(Tag(TagType.Float32), 900, 100));
    }
}
