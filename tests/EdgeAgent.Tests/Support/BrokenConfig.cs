using System.Text.Json.Nodes;

namespace EdgeAgent.Tests.Support;

/// <summary>Copies of the sample configuration with known mistakes, and the JSON paths the agent must name for them.</summary>
internal static class BrokenConfig
{
    /// <summary>Three independent mistakes: each must be reported, with its path, in one run.</summary>
    public static readonly string[] ExpectedPaths = ["$.site.timeZone", "$.sources[0].port", "$.equipment[1].process"];

    public static string WriteThreeMistakes(TempFolder folder)
    {
        var config = JsonNode.Parse(File.ReadAllText(RepoPaths.SampleConfig))!;
        config["site"]!["timeZone"] = "Mars/Olympus_Mons";
        config["sources"]![0]!["port"] = 70000;
        config["equipment"]![1]!["process"] = "weldng";
        var path = folder.File("broken.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    /// <summary>A misspelt member name: must fail with its path, never be ignored.</summary>
    public static string WriteTypo(TempFolder folder)
    {
        var config = JsonNode.Parse(File.ReadAllText(RepoPaths.SampleConfig))!;
        var source = config["sources"]![2]!.AsObject();
        source["pollIntervallMs"] = 500;
        var path = folder.File("typo.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
