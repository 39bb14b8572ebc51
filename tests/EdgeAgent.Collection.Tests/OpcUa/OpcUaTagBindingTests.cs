using EdgeAgent.Collection.OpcUa;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa;

namespace EdgeAgent.Collection.Tests.OpcUa;

public class OpcUaTagBindingTests
{
    private static readonly DateTime Cycle = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Source = new(2026, 3, 1, 7, 59, 59, 500, DateTimeKind.Utc);

    private static OpcUaTagBinding Binding(double scale = 1, double offset = 0) =>
        new(new TagKey("eq", "t"), new TagConfig { Name = "t", NodeId = "nsu=urn:x;s=T", Scale = scale, Offset = offset }, 0);

    [Theory]
    [InlineData(BuiltInType.Int16, (short)-7, -14.5)]
    [InlineData(BuiltInType.UInt32, 4_000_000_000u, 7_999_999_999.5)]
    [InlineData(BuiltInType.Float, 2.5f, 4.5)]
    [InlineData(BuiltInType.Double, 10.0, 19.5)]
    [InlineData(BuiltInType.Byte, (byte)3, 5.5)]
    public void NumbersAreScaledAndOffset(BuiltInType type, object raw, double expected)
    {
        var sample = Binding(scale: 2, offset: -0.5).ToSample(new DataValue(new Variant(type, raw), StatusCodes.Good, Source), Cycle);

        Assert.Equal(SampleQuality.Good, sample.Quality);
        Assert.Equal(expected, sample.Value, 6);
        Assert.Null(sample.Text);
        Assert.Equal(Source, sample.TimestampUtc);
    }

    [Fact]
    public void BooleansAreOneOrZeroWithoutScaleAndStringsAreText()
    {
        var binding = Binding(scale: 10, offset: 5);

        Assert.Equal(1, binding.ToSample(new DataValue(Variant.From(true)), Cycle).Value);
        Assert.Equal(0, binding.ToSample(new DataValue(Variant.From(false)), Cycle).Value);
        var text = binding.ToSample(new DataValue(Variant.From("O1234")), Cycle);
        Assert.Equal("O1234", text.Text);
        Assert.True(double.IsNaN(text.Value));
    }

    [Fact]
    public void WithoutSourceTimestampTheCycleTimeIsUsed()
    {
        Assert.Equal(Cycle, Binding().ToSample(new DataValue(Variant.From(1.0), StatusCodes.Good, null, Source), Cycle).TimestampUtc);
        Assert.Equal(Cycle, Binding().ToSample(new DataValue(Variant.From(1.0), StatusCodes.Good, DateTime.MinValue), Cycle).TimestampUtc);
    }

    [Fact]
    public void BadStatusIsBadQualityWithTheStatusNameAndNoValue()
    {
        var sample = Binding().ToSample(new DataValue(Variant.From(5.0), StatusCodes.BadSensorFailure, Source), Cycle);

        Assert.Equal(SampleQuality.Bad, sample.Quality);
        Assert.Equal("BadSensorFailure", sample.Status);
        Assert.True(double.IsNaN(sample.Value));
    }

    [Fact]
    public void UncertainStatusKeepsTheValueWithUncertainQuality()
    {
        var sample = Binding().ToSample(new DataValue(Variant.From(5.0), StatusCodes.UncertainLastUsableValue, Source), Cycle);

        Assert.Equal(SampleQuality.Uncertain, sample.Quality);
        Assert.Equal("UncertainLastUsableValue", sample.Status);
        Assert.Equal(5.0, sample.Value);
    }

    [Fact]
    public void ArraysAndNullValuesAreNotMadeIntoNumbers()
    {
        Assert.Equal("BadTypeMismatch", Binding().ToSample(new DataValue(new Variant(BuiltInType.Double, new[] { 1.0, 2.0 }, isArray: true)), Cycle).Status);
        Assert.Equal("BadNoData", Binding().ToSample(new DataValue(Variant.Null), Cycle).Status);
    }

    [Fact]
    public void MalformedAddressesAreReportedNotThrown()
    {
        Assert.Equal("BadNodeIdInvalid", new OpcUaTagBinding(new TagKey("eq", "a"), new TagConfig { NodeId = "nsu=urn:x;q=1" }, 0).AddressError);
        Assert.Equal("BadBrowseNameInvalid", new OpcUaTagBinding(new TagKey("eq", "b"), new TagConfig { BrowsePath = "/A//B" }, 1).AddressError);
    }

    [Theory]
    [InlineData("/nsu=urn:plant;Machine1/nsu=urn:plant;State", new[] { "nsu=urn:plant;Machine1", "nsu=urn:plant;State" })]
    [InlineData("Machine1/State", new[] { "Machine1", "State" })]
    [InlineData("/nsu=http://vendor.com/UA/CNC/;Machine/Spindle", new[] { "nsu=http://vendor.com/UA/CNC/;Machine", "Spindle" })]
    public void BrowsePathsSplitIntoElementsAndUrisMayContainSlashes(string path, string[] expected)
    {
        Assert.Equal(expected, OpcUaBrowsePath.TryParse(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/A//B")]
    [InlineData("/A/")]
    [InlineData("/nsu=urn:no-semicolon")]
    public void MalformedBrowsePathsAreRejected(string path)
    {
        Assert.Null(OpcUaBrowsePath.TryParse(path));
    }
}
