using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Core.Tests.Configuration;

public class ConfigValidatorTests
{
    private static string SampleJson() => File.ReadAllText(Path.Combine(RepoRoot(), "config", "edgeagent.json"));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgeAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static IReadOnlyList<ConfigError> ErrorsOf(string json) => ConfigReader.Parse(json, _ => true).Errors;

    [Fact]
    public void SamplePlantConfigIsValid()
    {
        var result = ConfigReader.Parse(SampleJson(), id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal("Asia/Shanghai", result.Config!.Site.TimeZone);
        Assert.Contains(result.Config.Equipment, e => e.Source is null);
    }

    [Fact]
    public void UnknownMemberIsReportedWithItsJsonPath()
    {
        var errors = ErrorsOf("""{ "site": { "id": "p", "industry": "C34", "tmeZone": "Asia/Shanghai" } }""");
        var error = Assert.Single(errors);
        Assert.Equal("$.site.tmeZone", error.Path);
        Assert.Contains("tmeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryUnknownMemberIsListedAtOnceWithItsLineAndTheLikelyIntendedName()
    {
        const string json = """
        {
          // comments are allowed
          "site": { "id": "p", "industry": "C34", "tmeZone": "Asia/Shanghai" },
          "sources": [
            { "id": "a", "host": "10.0.0.1" },
            { "id": "b", "hots": "10.0.0.2", "pollIntervallMs": 500 }
          ],
          "equipment": [ { "id": "e", "tags": [ { "name": "x", "adress": 3, "states": { "1": "run" } } ] } ],
          "storge": { "dataFolder": "d" },
        }
        """;
        var errors = ErrorsOf(json);

        Assert.Equal(
            ["$.site.tmeZone", "$.sources[1].hots", "$.sources[1].pollIntervallMs", "$.equipment[0].tags[0].adress", "$.storge"],
            errors.Select(e => e.Path));
        Assert.Equal("unknown member 'tmeZone'; did you mean 'timeZone'? (line 3)", errors[0].Message);
        Assert.Equal("unknown member 'hots'; did you mean 'host'? (line 6)", errors[1].Message);
        Assert.Equal("unknown member 'pollIntervallMs'; did you mean 'pollIntervalMs'? (line 6)", errors[2].Message);
        Assert.Equal("unknown member 'adress'; did you mean 'address'? (line 8)", errors[3].Message);
        Assert.Equal("unknown member 'storge'; did you mean 'storage'? (line 9)", errors[4].Message);

        // Nothing like any member: the known ones are listed instead.
        var far = Assert.Single(ErrorsOf("""{ "web": { "colour": "blue" } }"""));
        Assert.StartsWith("unknown member 'colour'; known here: urls, evidenceTokens, operatorTokens", far.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongValueTypeIsReportedWithItsJsonPathAndLine()
    {
        var errors = ErrorsOf("{\n \"sources\": [ { \"id\": \"a\", \"port\": \"five\" } ]\n}");
        var error = Assert.Single(errors);
        Assert.Equal("$.sources[0].port", error.Path);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownEnumValueIsReportedWithItsJsonPath()
    {
        var errors = ErrorsOf("""{ "equipment": [ { "id": "e", "type": "lathe" } ] }""");
        Assert.Equal("$.equipment[0].type", Assert.Single(errors).Path);
    }

    [Fact]
    public void EveryErrorOfAnInvalidConfigIsListedWithItsPath()
    {
        const string json = """
        {
          "site": { "id": "", "industry": "machinery", "timeZone": "Asia/Shanghai" },
          "processes": [ { "id": "p1", "name": "a", "key": true }, { "id": "p1", "name": "b" } ],
          "sources": [ { "id": "s1", "protocol": "modbus-tcp", "host": "", "port": 70000, "unitId": 1, "maxRegistersPerRequest": 200 } ],
          "equipment": [
            { "id": "e1", "process": "nope", "source": "s9", "hasCommunicationInterface": true,
              "tags": [ { "name": "x", "table": "coil", "type": "uint16", "address": 0 } ] },
            { "id": "e2", "source": "s1", "hasCommunicationInterface": true,
              "tags": [ { "name": "a", "address": 65535, "type": "float32" }, { "name": "a", "address": 1, "deadband": -1 },
                        { "name": "st", "role": "run-state", "address": 3 } ] },
            { "id": "e3", "tags": [ { "name": "t" } ] }
          ],
          "storage": { "dataFolder": "d", "retentionDays": 30 }
        }
        """;
        var paths = ErrorsOf(json).Select(e => e.Path).ToList();
        Assert.Contains("$.site.id", paths);
        Assert.Contains("$.site.industry", paths);
        Assert.Contains("$.processes[1].id", paths);
        Assert.Contains("$.sources[0].host", paths);
        Assert.Contains("$.sources[0].port", paths);
        Assert.Contains("$.sources[0].maxRegistersPerRequest", paths);
        Assert.Contains("$.equipment[0].process", paths);
        Assert.Contains("$.equipment[0].source", paths);
        Assert.Contains("$.equipment[1].tags[0].address", paths);
        Assert.Contains("$.equipment[1].tags[1].name", paths);
        Assert.Contains("$.equipment[1].tags[1].deadband", paths);
        Assert.Contains("$.equipment[1].tags[2].states", paths);
        Assert.Contains("$.equipment[2].tags", paths);
        Assert.Contains("$.storage.retentionDays", paths);
    }

    [Fact]
    public void CoilTagMustBeBoolButSourceUnknownSkipsProtocolChecks()
    {
        const string json = """
        {
          "site": { "id": "p", "industry": "C34" },
          "sources": [ { "id": "s1", "host": "10.0.0.5" } ],
          "equipment": [ { "id": "e1", "source": "s1", "hasCommunicationInterface": true,
                           "tags": [ { "name": "x", "table": "coil", "type": "uint16", "address": 0 } ] } ]
        }
        """;
        var error = Assert.Single(ErrorsOf(json));
        Assert.Equal("$.equipment[0].tags[0].type", error.Path);
    }

    [Fact]
    public void OperatorTokensMustBeLongAndDifferFromTheEvidenceTokens()
    {
        const string json = """
        {
          "site": { "id": "p", "industry": "C34" },
          "web": { "evidenceTokens": [ "shared-token-0123456789" ], "operatorTokens": [ "short", "shared-token-0123456789", "operator-token-0123456789" ] }
        }
        """;
        var errors = ErrorsOf(json);
        Assert.Equal(["$.web.operatorTokens[0]", "$.web.operatorTokens[1]"], errors.Select(e => e.Path));
        Assert.Contains("at least 16", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is also an evidence token", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpcUaNodeIdWithNamespaceIndexIsRejected()
    {
        const string json = """
        {
          "site": { "id": "p", "industry": "C34" },
          "sources": [ { "id": "u1", "protocol": "opc-ua", "endpointUrl": "opc.tcp://10.0.0.9:4840" } ],
          "equipment": [ { "id": "e1", "source": "u1", "hasCommunicationInterface": true,
                           "tags": [ { "name": "x", "nodeId": "ns=2;s=Machine.State" }, { "name": "y", "nodeId": "nsu=urn:m;s=Machine.State" } ] } ]
        }
        """;
        var error = Assert.Single(ErrorsOf(json));
        Assert.Equal("$.equipment[0].tags[0].nodeId", error.Path);
        Assert.Contains("namespace URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTimeZoneIsReported()
    {
        var result = ConfigReader.Parse("""{ "site": { "id": "p", "industry": "C34", "timeZone": "Mars/Olympus" } }""", _ => false);
        Assert.Equal("$.site.timeZone", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void RetentionBelowOneHundredDaysIsRejected()
    {
        var result = ConfigReader.Parse("""{ "site": { "id": "p", "industry": "C34" }, "storage": { "retentionDays": 99 } }""", _ => true);
        Assert.Equal("$.storage.retentionDays", Assert.Single(result.Errors).Path);
        Assert.True(ConfigReader.Parse("""{ "site": { "id": "p", "industry": "C34" }, "storage": { "retentionDays": 100 } }""", _ => true).IsValid);
    }

    [Fact]
    public void MalformedJsonGivesOneErrorNotAnException()
    {
        var result = ConfigReader.Parse("{ \"site\": { \"id\": ", _ => true);
        Assert.False(result.IsValid);
        Assert.Single(result.Errors);
    }
}
