namespace EdgeAgent.OpcUa;

/// <summary>Human-readable text with an optional locale.</summary>
public sealed record LocalizedText(string? Locale, string? Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text ?? string.Empty;
}
