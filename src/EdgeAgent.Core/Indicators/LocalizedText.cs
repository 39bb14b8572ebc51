namespace EdgeAgent.Core.Indicators;

/// <summary>A label in Chinese (shown first) and English.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Zh} ({En})";
}
