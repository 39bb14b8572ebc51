using System.Globalization;

namespace EdgeAgent.Core.Thresholds;

/// <summary>
/// A GB/T 4754-2017 industry code as a site writes it: a section letter and/or 2 to 4 digits ("C", "C34", "34",
/// "3411", "C3411"). The section of a bare number is derived from its division.
/// </summary>
public sealed record IndustryCode
{
    // GB/T 4754-2017: first division of each section, A..T.
    private static readonly (int FirstDivision, char Section)[] Sections =
    [
        (1, 'A'), (6, 'B'), (13, 'C'), (44, 'D'), (47, 'E'), (51, 'F'), (53, 'G'), (61, 'H'), (63, 'I'), (66, 'J'),
        (70, 'K'), (71, 'L'), (73, 'M'), (76, 'N'), (80, 'O'), (83, 'P'), (84, 'Q'), (86, 'R'), (91, 'S'), (97, 'T'),
    ];

    private IndustryCode(char section, string digits)
    {
        Section = section;
        Digits = digits;
    }

    /// <summary>Section letter (门类), e.g. 'C' for manufacturing.</summary>
    public char Section { get; }

    /// <summary>The digits (division, group, class), possibly empty.</summary>
    public string Digits { get; }

    /// <summary>The division (大类), e.g. "C34", or null for a section-only code.</summary>
    public string? Division => Digits.Length >= 2 ? $"{Section}{Digits[..2]}" : null;

    /// <summary>Parses a code; returns null (with a reason) when it is not a GB/T 4754-2017 code.</summary>
    public static IndustryCode? TryParse(string? text, out string? error)
    {
        error = null;
        var code = (text ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            error = "is empty";
            return null;
        }

        char? letter = char.IsAsciiLetterUpper(code[0]) ? code[0] : null;
        var digits = letter is null ? code : code[1..];
        if (letter is { } l && (l < 'A' || l > 'T'))
        {
            error = $"section '{l}' is not one of A..T";
            return null;
        }

        if (digits.Length is 1 or > 4 || !digits.All(char.IsAsciiDigit))
        {
            error = "expected a section letter and/or 2 to 4 digits, e.g. \"C34\" or \"3411\"";
            return null;
        }

        if (digits.Length == 0)
        {
            return new IndustryCode(letter!.Value, "");
        }

        var division = int.Parse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture);
        var derived = SectionOf(division);
        if (derived is null)
        {
            error = $"division {digits[..2]} does not exist in GB/T 4754-2017";
            return null;
        }

        if (letter is { } given && given != derived)
        {
            error = $"division {digits[..2]} belongs to section {derived}, not {given}";
            return null;
        }

        return new IndustryCode(derived.Value, digits);
    }

    /// <summary>Parses a code or throws <see cref="FormatException"/>.</summary>
    public static IndustryCode Parse(string text) =>
        TryParse(text, out var error) ?? throw new FormatException($"'{text}' is not a GB/T 4754-2017 industry code: {error}");

    /// <summary>
    /// Whether this (site) code falls inside <paramref name="scope"/> (a catalogue code): the same section, and the
    /// scope's digits are a prefix of this code's digits. A site that gives only its section matches no division.
    /// </summary>
    public bool IsWithin(IndustryCode scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Section == scope.Section && Digits.StartsWith(scope.Digits, StringComparison.Ordinal);
    }

    private static char? SectionOf(int division)
    {
        if (division < 1 || division > 97)
        {
            return null;
        }

        char? section = null;
        foreach (var (first, letter) in Sections)
        {
            if (division >= first)
            {
                section = letter;
            }
        }

        return section;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Section}{Digits}";
}
