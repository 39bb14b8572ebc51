namespace EdgeAgent.Core.Model;

/// <summary>
/// One reading of one tag. A struct so batches of readings cost one array, not one object per reading.
/// </summary>
/// <param name="Key">The tag (shared instance from the configuration).</param>
/// <param name="TimestampUtc">When the value was read (source timestamp when the protocol gives one), UTC.</param>
/// <param name="Value">Numeric value after scale and offset; NaN when the quality is not good or the tag is a string.</param>
/// <param name="Text">String value for string tags, else null.</param>
/// <param name="Quality">Quality of the reading.</param>
/// <param name="Status">Protocol status detail for bad quality (e.g. "IllegalDataAddress", "BadNodeIdUnknown"), else null.</param>
public readonly record struct Sample(
    TagKey Key,
    DateTime TimestampUtc,
    double Value,
    string? Text,
    SampleQuality Quality,
    string? Status = null);
