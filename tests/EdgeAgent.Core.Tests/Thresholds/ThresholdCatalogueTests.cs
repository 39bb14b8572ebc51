using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Core.Tests.ThresholdTests;

public class ThresholdCatalogueTests
{
    private static readonly ThresholdCatalogue Catalogue = ThresholdCatalogue.Default;

    private static double Value(string industry, string programme, string indicator) =>
        Catalogue.For(industry, indicator).Single(t => t.Programme == programme).Value;

    [Theory]
    [InlineData("C34")]
    [InlineData("34")]
    [InlineData("3411")]
    [InlineData("c3411")]
    public void GeneralEquipmentIsInTheBeijingEquipmentGroupWhateverTheCodeForm(string industry)
    {
        // Beijing plan annex 1 row 5, 装备行业 (C33—35、C38、C41—42): 50.60 %, 0.025, 18.32 %
        Assert.Equal(0.506, Value(industry, "beijing-baseline", "key-process-cnc-rate"));
        Assert.Equal(0.025, Value(industry, "beijing-baseline", "robots-per-production-worker"));
        Assert.Equal(0.1832, Value(industry, "beijing-baseline", "networked-equipment-ratio"));
        Assert.Equal("装备行业", Catalogue.For(industry, "key-process-cnc-rate").Single(t => t.Programme == "beijing-baseline").IndustryGroup.Zh);
        // Smart-factory rules annex 2-1, 装备仪器产业 (C24、C33—38、C40—43): 70 %, 65 %
        Assert.Equal(0.70, Value(industry, "beijing-advanced-smart-factory", "key-process-cnc-rate"));
        Assert.Equal(0.65, Value(industry, "beijing-advanced-smart-factory", "networked-equipment-ratio"));
        // Ningbo table 1: pilot 40 % / 50 %, sample 50 % / 60 %; Yangzhou 2024: 65 %
        Assert.Equal(0.40, Value(industry, "ningbo-sme-pilot", "networked-digitised-equipment-ratio"));
        Assert.Equal(0.50, Value(industry, "ningbo-sme-pilot", "key-process-cnc-rate"));
        Assert.Equal(0.50, Value(industry, "ningbo-sme-sample", "networked-digitised-equipment-ratio"));
        Assert.Equal(0.60, Value(industry, "ningbo-sme-sample", "key-process-cnc-rate"));
        Assert.Equal(0.65, Value(industry, "yangzhou-2024-target", "key-process-cnc-rate"));
    }

    [Theory]
    [InlineData("C13", "食品制造业", 0.53, 0.2069)]
    [InlineData("C27", "医药制造业", 0.526, 0.2336)]
    [InlineData("C39", "电子信息业", 0.624, 0.2764)]
    [InlineData("C3670", "交通设备制造业", 0.529, 0.2125)]
    [InlineData("C25", "石化行业", 0.749, 0.3226)]
    [InlineData("C40", "仪器仪表制造业", 0.45, 0.1963)]
    public void BeijingBaselineRowsMatchTheAnnexTable(string industry, string group, double cnc, double networked)
    {
        var entry = Catalogue.For(industry, "key-process-cnc-rate").Single(t => t.Programme == "beijing-baseline");
        Assert.Equal(group, entry.IndustryGroup.Zh);
        Assert.Equal(cnc, entry.Value);
        Assert.Equal(networked, Value(industry, "beijing-baseline", "networked-equipment-ratio"));
    }

    [Fact]
    public void BuildingMaterialsFallInTwoBeijingGroups()
    {
        // Row 7 (建材, C30) and row 8 (材料, C26、C28—30) both name C30: both apply.
        var rows = Catalogue.For("C30", "key-process-cnc-rate").Where(t => t.Programme == "beijing-baseline").ToList();
        Assert.Equal(["建材行业", "材料制造业"], rows.Select(r => r.IndustryGroup.Zh));
        Assert.Equal([0.634, 0.692], rows.Select(r => r.Value));
    }

    [Fact]
    public void PaperIsOutsideTheBeijingBaselineButInsideTheAdvancedUrbanGroup()
    {
        // C22 (造纸) is in no row of the baseline table; the advanced table's 都市产业 covers C13—23.
        var thresholds = Catalogue.For("C22");
        Assert.DoesNotContain(thresholds, t => t.Programme == "beijing-baseline");
        Assert.Contains(thresholds, t => t.Programme == "beijing-advanced-smart-factory" && t.IndustryGroup.Zh == "都市产业");
    }

    [Theory]
    [InlineData("D4411")]  // electricity supply: not manufacturing
    [InlineData("B06")]    // coal mining
    [InlineData("Z99")]    // not a code
    [InlineData("")]
    public void ACodeOutsideEveryGroupGetsNoThresholds(string industry) => Assert.Empty(Catalogue.For(industry));

    [Fact]
    public void ASectionOnlyCodeGetsOnlyTheSectionWideProgrammes()
    {
        var programmes = Catalogue.For("C").Select(t => t.Programme).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["beijing-2026-target", "ningbo-sme-pilot", "ningbo-sme-sample", "yangzhou-2024-target"], programmes);
    }

    [Fact]
    public void EveryEntryCitesItsDocumentAndTable()
    {
        Assert.Equal(13, Catalogue.All.Where(t => t.Programme == "beijing-baseline").Select(t => t.IndustryGroup.Zh).Distinct().Count());
        Assert.Equal(5, Catalogue.All.Where(t => t.Programme == "beijing-advanced-smart-factory").Select(t => t.IndustryGroup.Zh).Distinct().Count());
        Assert.All(Catalogue.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Document));
            Assert.False(string.IsNullOrWhiteSpace(t.Table));
            Assert.False(string.IsNullOrWhiteSpace(t.Level));
            Assert.InRange(t.Value, 0.001, 1.0);
            Assert.NotEmpty(Catalogue.IndustriesOf(t));
        });
    }

    [Fact]
    public void ImprovementThresholdsCannotBeDecidedFromOneWindow()
    {
        var entry = Catalogue.For("C34", "energy-per-output-value").Single();
        Assert.Equal(ThresholdComparison.ReductionVsBaseline, entry.Comparison);
        Assert.Equal(0.05, entry.Value);
        Assert.Null(entry.IsMetBy(0.1));
    }

    [Fact]
    public void AtLeastToleratesFloatingPointJustBelowTheLine()
    {
        var entry = Catalogue.For("C34", "key-process-cnc-rate").Single(t => t.Programme == "ningbo-sme-pilot");
        Assert.True(entry.IsMetBy(0.49999999999999));
        Assert.False(entry.IsMetBy(0.4999));
        Assert.Null(entry.IsMetBy(null));
    }

    [Fact]
    public void ACatalogueCanBeReadFromText()
    {
        var catalogue = ThresholdCatalogue.Parse("""
            { "programmes": [ { "id": "p", "name": { "zh": "甲", "en": "A" }, "document": "doc", "table": "t", "level": "l",
              "groups": [ { "name": { "zh": "乙", "en": "B" }, "industryText": "C34", "industries": ["C34"],
                "thresholds": [ { "indicator": "oee", "value": 0.6, "comparison": "at-least" } ] } ] } ] }
            """);
        Assert.Equal(0.6, catalogue.For("3412", "oee").Single().Value);
        Assert.Empty(catalogue.For("C35"));
    }
}
