namespace EdgeAgent.Evidence.Bundle;

/// <summary>One CSV field as read: its text and whether it was quoted (an unquoted empty field is NULL, <c>""</c> is the empty string).</summary>
/// <param name="Text">The unescaped text.</param>
/// <param name="Quoted">Whether the field was in double quotes.</param>
public readonly record struct CsvField(string Text, bool Quoted)
{
    /// <summary>The field as a nullable string: null for an unquoted empty field.</summary>
    public string? Nullable => !Quoted && Text.Length == 0 ? null : Text;
}
