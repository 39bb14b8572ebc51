using EdgeAgent.Collection.OpcUa;
using EdgeAgent.Core.Model;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>
/// The collector puts a cycle's changes back in time order when the client delivered two Publish responses out of
/// turn; changes with equal timestamps keep the order the server reported them in.
/// </summary>
public class SampleOrderTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TwoMessagesDeliveredOutOfTurnAreReordered()
    {
        var a = new TagKey("eq", "a");
        var b = new TagKey("eq", "b");

        // Message 2 (t+1 s) was processed before message 1 (t); within each, a then b with one timestamp.
        Sample[] samples =
        [
            new(a, Start.AddSeconds(1), 3, null, SampleQuality.Good),
            new(b, Start.AddSeconds(1), 4, null, SampleQuality.Good),
            new(a, Start, 1, null, SampleQuality.Good),
            new(b, Start, 2, null, SampleQuality.Good),
        ];

        OpcUaSourceCollector.SortByTime(samples);

        Assert.Equal([1.0, 2, 3, 4], samples.Select(s => s.Value));
    }

    [Fact]
    public void SortingIsStableAndByTime() =>
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(
            Gen.Choose(0, 5).ArrayOf().ToArbitrary(),
            seconds =>
            {
                // Value = position before sorting, so stability is visible.
                var samples = seconds.Select((s, i) => new Sample(new TagKey("eq", "t"), Start.AddSeconds(s), i, null, SampleQuality.Good)).ToArray();
                var expected = samples.OrderBy(s => s.TimestampUtc).Select(s => s.Value).ToArray();
                OpcUaSourceCollector.SortByTime(samples);
                return expected.SequenceEqual(samples.Select(s => s.Value));
            }));
}
