namespace EdgeAgent.Simulator;

/// <summary>
/// What a simulated device shows for a tag, in engineering units (after the tag's scale and offset), already
/// quantised to what the tag's type can hold: integer steps, float32 precision, counters wrapped at the type's range.
/// Strings carry <see cref="Text"/>.
/// </summary>
public readonly record struct TagReading(double Number, string? Text = null)
{
    public bool IsText => Text is not null;

    /// <inheritdoc/>
    public override string ToString() => Text ?? Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
