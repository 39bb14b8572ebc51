using System.Text.Json;
using EdgeAgent.Core.Indicators;

namespace EdgeAgent.Core.Thresholds;

/// <summary>
/// The thresholds of the digital-transformation programmes, as data: <c>Thresholds/thresholds.json</c> embedded in
/// this assembly, each entry citing its document and table. Answers which thresholds apply to a site's industry.
/// </summary>
public sealed class ThresholdCatalogue
{
    /// <summary>Manifest name of the embedded catalogue.</summary>
    public const string ResourceName = "EdgeAgent.Core.Thresholds.thresholds.json";

    private static readonly Lazy<ThresholdCatalogue> Embedded = new(LoadEmbedded);

    private readonly List<(ThresholdEntry Entry, IReadOnlyList<IndustryCode> Industries)> _entries;

    private ThresholdCatalogue(List<(ThresholdEntry, IReadOnlyList<IndustryCode>)> entries, string description)
    {
        _entries = entries;
        Description = description;
    }

    /// <summary>The catalogue shipped with this build.</summary>
    public static ThresholdCatalogue Default => Embedded.Value;

    /// <summary>What the catalogue holds and where it comes from.</summary>
    public string Description { get; }

    /// <summary>Every threshold of every programme and industry group.</summary>
    public IReadOnlyList<ThresholdEntry> All => _entries.Select(e => e.Entry).ToList();

    /// <summary>Industries (GB/T 4754-2017 codes) each threshold applies to.</summary>
    public IReadOnlyList<IndustryCode> IndustriesOf(ThresholdEntry entry) =>
        _entries.First(e => ReferenceEquals(e.Entry, entry)).Industries;

    /// <summary>
    /// Thresholds that apply to a site of industry <paramref name="industryCode"/> ("C34", "3411", "34"): those of
    /// every programme group whose industries contain it. An unparseable code, or one outside every group, gets none.
    /// </summary>
    public IReadOnlyList<ThresholdEntry> For(string industryCode)
    {
        if (IndustryCode.TryParse(industryCode, out _) is not { } site)
        {
            return [];
        }

        return _entries.Where(e => e.Industries.Any(site.IsWithin)).Select(e => e.Entry).ToList();
    }

    /// <summary>Thresholds for one indicator (by threshold key, e.g. <c>key-process-cnc-rate</c>) that apply to the site's industry.</summary>
    public IReadOnlyList<ThresholdEntry> For(string industryCode, string indicator) =>
        For(industryCode).Where(e => string.Equals(e.Indicator, indicator, StringComparison.Ordinal)).ToList();

    /// <summary>Reads a catalogue from its JSON text (the format of <c>thresholds.json</c>).</summary>
    public static ThresholdCatalogue Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var entries = new List<(ThresholdEntry, IReadOnlyList<IndustryCode>)>();
        foreach (var programme in root.GetProperty("programmes").EnumerateArray())
        {
            var id = Text(programme, "id");
            var name = Localized(programme.GetProperty("name"));
            var doc = Text(programme, "document");
            var table = Text(programme, "table");
            var level = Text(programme, "level");
            var note = programme.TryGetProperty("note", out var n) ? n.GetString() : null;
            foreach (var group in programme.GetProperty("groups").EnumerateArray())
            {
                var groupName = Localized(group.GetProperty("name"));
                var row = group.TryGetProperty("row", out var r) ? r.GetString() : null;
                var industryText = Text(group, "industryText");
                var industries = group.GetProperty("industries").EnumerateArray()
                    .Select(i => IndustryCode.TryParse(i.GetString(), out var error)
                        ?? throw new FormatException($"programme {id}, group {groupName.Zh}: bad industry '{i.GetString()}': {error}"))
                    .ToList();
                var rowTable = row is null ? table : $"{table}; row {row}";
                foreach (var threshold in group.GetProperty("thresholds").EnumerateArray())
                {
                    var comparison = JsonSerializer.Deserialize<ThresholdComparison>(threshold.GetProperty("comparison").GetRawText());
                    var entry = new ThresholdEntry(id, name, doc, rowTable, level, groupName, industryText,
                        Text(threshold, "indicator"), threshold.GetProperty("value").GetDouble(), comparison, note);
                    entries.Add((entry, industries));
                }
            }
        }

        var description = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        return new ThresholdCatalogue(entries, description);
    }

    private static ThresholdCatalogue LoadEmbedded()
    {
        using var stream = typeof(ThresholdCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' must be a string");

    private static LocalizedText Localized(JsonElement element) => new(Text(element, "zh"), Text(element, "en"));
}
