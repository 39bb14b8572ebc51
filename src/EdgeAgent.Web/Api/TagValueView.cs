namespace EdgeAgent.Web.Api;

/// <summary>Last value of one tag.</summary>
public sealed record TagValueView(string Tag, double? Value, string? Text, string? Unit, string Quality, string? Status, DateTime Timestamp);
