using System.Text.RegularExpressions;

namespace EdgeAgent.Tests.Support;

/// <summary>
/// Checks the Prometheus text exposition format (0.0.4) strictly enough to catch what breaks a scraper: every sample
/// belongs to a family announced by HELP and TYPE lines before it, names and labels are well-formed, values are floats.
/// </summary>
internal static partial class PrometheusText
{
    /// <summary>Returns the samples as "name{labels}" → value; throws with the offending line when the text is invalid.</summary>
    public static IReadOnlyDictionary<string, double> Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var help = new HashSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var name = line.Split(' ')[2];
                Assert.Matches(MetricName(), name);
                Assert.True(help.Add(name), $"second HELP for {name}");
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.False(types.ContainsKey(parts[2]), $"second TYPE for {parts[2]}");
                types[parts[2]] = parts[3];
            }
            else
            {
                var match = SampleLine().Match(line);
                Assert.True(match.Success, $"not a valid sample line: '{line}'");
                var name = match.Groups["name"].Value;
                Assert.True(types.ContainsKey(name) && help.Contains(name), $"sample {name} appears before its HELP and TYPE lines");
                var value = match.Groups["value"].Value switch
                {
                    "+Inf" => double.PositiveInfinity,
                    "-Inf" => double.NegativeInfinity,
                    "NaN" => double.NaN,
                    var v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture),
                };
                Assert.True(samples.TryAdd(name + match.Groups["labels"].Value, value), $"duplicate sample {line}");
            }
        }

        return samples;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (?<value>[-+]?(?:[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))(?: -?[0-9]+)?$""")]
    private static partial Regex SampleLine();
}
