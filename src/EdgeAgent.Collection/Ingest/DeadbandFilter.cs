using EdgeAgent.Core.Model;

namespace EdgeAgent.Collection.Ingest;

/// <summary>
/// Decides which samples are stored: a sample is kept when it moves beyond its tag's deadband, when its quality or
/// text changes, or when the heartbeat interval has passed since the tag was last stored (so a flat line still
/// proves the tag was alive). Pure: time comes from the samples.
/// </summary>
public sealed class DeadbandFilter
{
    private readonly Dictionary<TagKey, Stored> _last = [];
    private readonly Func<TagKey, double> _deadbandOf;
    private readonly TimeSpan _heartbeat;

    /// <param name="deadbandOf">Absolute deadband of a tag (0 = store every change).</param>
    /// <param name="heartbeat">Longest time a tag may go without a stored sample.</param>
    public DeadbandFilter(Func<TagKey, double> deadbandOf, TimeSpan heartbeat)
    {
        _deadbandOf = deadbandOf;
        _heartbeat = heartbeat;
    }

    /// <summary>Whether <paramref name="sample"/> should be stored; remembers it when it is.</summary>
    public bool ShouldStore(in Sample sample)
    {
        if (!_last.TryGetValue(sample.Key, out var last))
        {
            _last[sample.Key] = new Stored(sample.Value, sample.Text, sample.Quality, sample.TimestampUtc, _deadbandOf(sample.Key));
            return true;
        }

        var store = sample.Quality != last.Quality
            || sample.TimestampUtc - last.TimestampUtc >= _heartbeat
            || !string.Equals(sample.Text, last.Text, StringComparison.Ordinal)
            || Moved(sample.Value, last.Value, last.Deadband);

        if (store)
        {
            _last[sample.Key] = last with { Value = sample.Value, Text = sample.Text, Quality = sample.Quality, TimestampUtc = sample.TimestampUtc };
        }

        return store;
    }

    private static bool Moved(double value, double last, double deadband)
    {
        if (double.IsNaN(value) || double.IsNaN(last))
        {
            return double.IsNaN(value) != double.IsNaN(last);
        }

        // Deadband 0 means on change; otherwise the move must exceed the band.
        return deadband <= 0 ? value != last : Math.Abs(value - last) > deadband;
    }

    private readonly record struct Stored(double Value, string? Text, SampleQuality Quality, DateTime TimestampUtc, double Deadband);
}
