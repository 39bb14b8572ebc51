using System.CommandLine;
using System.Globalization;

namespace EdgeAgent.Cli;

/// <summary>--from / --to: plant-local calendar days (YYYY-MM-DD), --to inclusive.</summary>
internal static class DateOptions
{
    public static Option<DateOnly?> Create(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (YYYY-MM-DD, plant-local day)",
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"{name}: '{text}' is not a date in the form YYYY-MM-DD");
            return null;
        },
    };
}
