using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa;

namespace EdgeAgent.Collection.OpcUa;

/// <summary>
/// A configured tag in OPC UA terms: the node to read (a node id naming its namespace by URI, or a browse path resolved
/// at connect time) and how a DataValue becomes a <see cref="Sample"/>.
/// </summary>
public sealed class OpcUaTagBinding
{
    // DateTime values at or before 1601-01-01 encode "no timestamp" on the wire.
    private static readonly DateTime NoTimestamp = new(1601, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Binds <paramref name="tag"/> (the <paramref name="index"/>-th of its source) under <paramref name="key"/>.</summary>
    public OpcUaTagBinding(TagKey key, TagConfig tag, int index)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(tag);
        Key = key;
        Tag = tag;
        Index = index;
        if (!string.IsNullOrWhiteSpace(tag.NodeId))
        {
            NodeId = ExpandedNodeId.TryParse(tag.NodeId.Trim(), out var id) ? id : null;
            AddressError = NodeId is null ? nameof(StatusCodes.BadNodeIdInvalid) : null;
        }
        else
        {
            BrowsePath = OpcUaBrowsePath.TryParse(tag.BrowsePath);
            AddressError = BrowsePath is null ? nameof(StatusCodes.BadBrowseNameInvalid) : null;
        }
    }

    /// <summary>The tag's key in samples.</summary>
    public TagKey Key { get; }

    /// <summary>The configured tag (scale, offset, deadband).</summary>
    public TagConfig Tag { get; }

    /// <summary>Position among the source's tags.</summary>
    public int Index { get; }

    /// <summary>The configured node id (namespace by URI), when the tag is addressed by node id.</summary>
    public ExpandedNodeId? NodeId { get; }

    /// <summary>Browse names from the Objects folder, when the tag is addressed by browse path.</summary>
    public IReadOnlyList<string>? BrowsePath { get; }

    /// <summary>Status name when the configured address cannot even be parsed (never resolvable).</summary>
    public string? AddressError { get; }

    /// <summary>
    /// Turns a value read or reported by the server into a sample: numbers (× scale + offset) and booleans (1/0) as
    /// values, strings as text; Bad status as bad quality with the status name, Uncertain as uncertain quality. The
    /// source timestamp is used when the server gives one.
    /// </summary>
    public Sample ToSample(DataValue value, DateTime cycleUtc)
    {
        ArgumentNullException.ThrowIfNull(value);
        var timestamp = value.SourceTimestamp is { } source && source > NoTimestamp ? DateTime.SpecifyKind(source, DateTimeKind.Utc) : cycleUtc;
        var status = value.Status;
        if (status.IsBad)
        {
            return Bad(timestamp, status.Name);
        }

        var quality = status.IsUncertain ? SampleQuality.Uncertain : SampleQuality.Good;
        var detail = status.IsUncertain ? status.Name : null;
        var variant = value.Value;
        if (variant.IsNull)
        {
            return Bad(timestamp, nameof(StatusCodes.BadNoData));
        }

        if (variant.IsArray)
        {
            return Bad(timestamp, nameof(StatusCodes.BadTypeMismatch));
        }

        switch (variant.Value)
        {
            case bool flag:
                return new Sample(Key, timestamp, flag ? 1 : 0, null, quality, detail);
            case string text:
                return new Sample(Key, timestamp, double.NaN, text, quality, detail);
            case LocalizedText localized:
                return new Sample(Key, timestamp, double.NaN, localized.Text, quality, detail);
        }

        if (variant.ToDouble() is { } number)
        {
            return new Sample(Key, timestamp, (number * Tag.Scale) + Tag.Offset, null, quality, detail);
        }

        return new Sample(Key, timestamp, double.NaN, variant.ToString(), quality, detail);
    }

    /// <summary>A reading the server refused or could not deliver: stored as quality, not as a value.</summary>
    public Sample Bad(DateTime timestampUtc, string status) => new(Key, timestampUtc, double.NaN, null, SampleQuality.Bad, status);
}
