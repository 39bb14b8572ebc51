using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Model;

namespace EdgeAgent.Collection.Tests.Ingest;

public class DeadbandFilterTests
{
    private static readonly TagKey Speed = new("cnc-1", "speed");
    private static readonly TagKey State = new("cnc-1", "state");
    private static readonly DateTime T0 = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private static DeadbandFilter Filter() => new(k => k == Speed ? 50 : 0, TimeSpan.FromMinutes(5));

    private static Sample At(TagKey key, int seconds, double value, SampleQuality quality = SampleQuality.Good) =>
        new(key, T0.AddSeconds(seconds), value, null, quality);

    [Fact]
    public void FirstSampleOfATagIsAlwaysStored() => Assert.True(Filter().ShouldStore(At(Speed, 0, 1000)));

    [Fact]
    public void MovesWithinTheDeadbandAreNotStoredButMovesBeyondItAre()
    {
        var filter = Filter();
        Assert.True(filter.ShouldStore(At(Speed, 0, 1000)));
        Assert.False(filter.ShouldStore(At(Speed, 1, 1040)));
        Assert.False(filter.ShouldStore(At(Speed, 2, 1050)));   // exactly the band: not beyond it
        Assert.True(filter.ShouldStore(At(Speed, 3, 1051)));
        Assert.False(filter.ShouldStore(At(Speed, 4, 1002)));   // compared with the last stored value (1051), not the last seen
        Assert.True(filter.ShouldStore(At(Speed, 5, 1000)));
    }

    [Fact]
    public void ZeroDeadbandStoresEveryChangeAndNoRepeat()
    {
        var filter = Filter();
        Assert.True(filter.ShouldStore(At(State, 0, 2)));
        Assert.False(filter.ShouldStore(At(State, 1, 2)));
        Assert.True(filter.ShouldStore(At(State, 2, 3)));
    }

    [Fact]
    public void HeartbeatStoresAFlatLineEveryInterval()
    {
        var filter = Filter();
        Assert.True(filter.ShouldStore(At(State, 0, 2)));
        Assert.False(filter.ShouldStore(At(State, 299, 2)));
        Assert.True(filter.ShouldStore(At(State, 300, 2)));
        Assert.False(filter.ShouldStore(At(State, 599, 2)));
        Assert.True(filter.ShouldStore(At(State, 600, 2)));
    }

    [Fact]
    public void QualityChangesAreAlwaysStored()
    {
        var filter = Filter();
        Assert.True(filter.ShouldStore(At(Speed, 0, 1000)));
        Assert.True(filter.ShouldStore(At(Speed, 1, double.NaN, SampleQuality.Bad)));
        Assert.False(filter.ShouldStore(At(Speed, 2, double.NaN, SampleQuality.Bad)));
        Assert.True(filter.ShouldStore(At(Speed, 3, 1000)));
    }

    [Fact]
    public void TextChangesAreStored()
    {
        var filter = Filter();
        var program = new TagKey("cnc-1", "program");
        Assert.True(filter.ShouldStore(new Sample(program, T0, double.NaN, "O1000", SampleQuality.Good)));
        Assert.False(filter.ShouldStore(new Sample(program, T0.AddSeconds(1), double.NaN, "O1000", SampleQuality.Good)));
        Assert.True(filter.ShouldStore(new Sample(program, T0.AddSeconds(2), double.NaN, "O2000", SampleQuality.Good)));
    }
}
