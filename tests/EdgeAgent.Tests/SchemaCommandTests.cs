using System.Text.Json.Nodes;
using EdgeAgent.Tests.Support;

namespace EdgeAgent.Tests;

public sealed class SchemaCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task OutputEqualsTheCommittedSchemaFile()
    {
        var result = await EdgeAgentCli.InvokeAsync("schema");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(RepoPaths.Schema), "config/edgeagent.schema.json is missing: edgeagent schema > config/edgeagent.schema.json");
        // Regenerate with: dotnet run --project src/EdgeAgent -- schema > config/edgeagent.schema.json
        Assert.Equal(File.ReadAllText(RepoPaths.Schema), result.Output);
    }

    [Fact]
    public async Task SchemaDescribesEveryTopLevelSectionAndRejectsUnknownMembers()
    {
        var schema = JsonNode.Parse((await EdgeAgentCli.InvokeAsync("schema")).Output)!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("object", (string?)schema["type"]);
        Assert.False((bool)schema["additionalProperties"]!);
        var sections = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "site", "processes", "equipment", "sources", "storage", "web", "indicators" }, sections);
    }

    [Fact]
    public async Task SampleConfigValidatesAgainstTheSchema()
    {
        var schema = JsonNode.Parse((await EdgeAgentCli.InvokeAsync("schema")).Output)!;
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.SampleConfig));

        Assert.Empty(JsonSchemaSubset.Validate(schema, sample));
    }

    [Fact]
    public async Task SchemaRejectsWhatTheAgentRejects()
    {
        var schema = JsonNode.Parse((await EdgeAgentCli.InvokeAsync("schema")).Output)!;
        var typo = JsonNode.Parse(File.ReadAllText(BrokenConfig.WriteTypo(_folder)));
        var badEnum = JsonNode.Parse(File.ReadAllText(RepoPaths.SampleConfig))!;
        badEnum["equipment"]![0]!["type"] = "spaceship";

        Assert.Contains("$.sources[2].pollIntervallMs: not allowed", JsonSchemaSubset.Validate(schema, typo));
        Assert.Single(JsonSchemaSubset.Validate(schema, badEnum), e => e.StartsWith("$.equipment[0].type: ", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
